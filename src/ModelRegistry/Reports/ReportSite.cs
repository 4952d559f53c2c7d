using System.Text;
using ModelRegistry.Lineage.Provenance;
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
        // Pages are independent of one another: each model's are rendered on its own thread, then gathered in path order.
        var perModel = new List<KeyValuePair<string, byte[]>>[models.Count];
        Parallel.For(0, models.Count, i => perModel[i] = [.. ModelFiles(models[i], stages)]);
        foreach (var (path, content) in perModel.SelectMany(p => p))
        {
            files[path] = content;
        }

        return files;
    }

    private static IEnumerable<KeyValuePair<string, byte[]>> ModelFiles(ReportModel model, IReadOnlyList<string> stages)
    {
        yield return new(ReportPaths.ModelPage(model.Name), ModelPage.Render(model, stages));
        yield return new(ReportPaths.HistoryPage(model.Name), HistoryPage.Render(model));
        foreach (var version in model.Versions)
        {
            yield return new(ReportPaths.VersionPage(model.Name, version.Number), VersionPage.Render(model, version));
            var provenance = ProvenanceStatement.ToJson(ProvenanceStatement.Build(version.Info, version.Record)) + "\n";
            yield return new(ReportPaths.ProvenanceFile(model.Name, version.Number), Encoding.UTF8.GetBytes(provenance));
        }
    }
}
