using ModelRegistry.Manifest;

namespace ModelRegistry.Reports;

/// <summary>Every file of the site, by its path in the output folder, made from the models read once.</summary>
internal static class ReportSite
{
    public static SortedDictionary<string, byte[]> Build(IReadOnlyList<ReportModel> models, RegistrySettings settings)
    {
        var stages = settings.Stages.Where(RegistrySettings.IsPointerStage).ToList();
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ReportPaths.Css] = ReportAssets.Css,
            [ReportPaths.Script] = ReportAssets.Script,
            [ReportPaths.Index] = IndexPage.Render(models, stages),
        };
        foreach (var model in models)
        {
            files[ReportPaths.ModelPage(model.Name)] = ModelPage.Render(model, stages);
            files[ReportPaths.HistoryPage(model.Name)] = HistoryPage.Render(model);
            foreach (var version in model.Versions)
            {
                files[ReportPaths.VersionPage(model.Name, version.Number)] = VersionPage.Render(model, version);
            }
        }

        return files;
    }
}
