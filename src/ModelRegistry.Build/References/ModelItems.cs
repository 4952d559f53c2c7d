using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

using ModelRegistry.Runtime;

namespace ModelRegistry.Build.References;

/// <summary>The items a resolved model becomes: one ResolvedModelReference, and one file item per model file for
/// the copy to the output and publish folders.</summary>
internal static class ModelItems
{
    /// <summary>What a ModelReference item asks for; no Version metadata asks for the latest version.</summary>
    public static ReferenceRequest Request(ITaskItem item)
    {
        var version = item.GetMetadata("Version").Trim();
        return new ReferenceRequest(item.ItemSpec.Trim(), version.Length == 0 ? ReferenceRequest.Latest : version);
    }

    /// <summary>The full path of a ModelReference's schema pin (its Schema metadata, relative to the project); null without one.</summary>
    public static string? SchemaPin(ITaskItem item, string projectDirectory)
    {
        var pin = item.GetMetadata("Schema").Trim();
        return pin.Length == 0 ? null : Path.GetFullPath(Path.Combine(projectDirectory, pin));
    }

    /// <summary>Whether a ModelReference asks for ModelInput/ModelOutput classes (GenerateModelTypes="true").</summary>
    public static bool GeneratesTypes(ITaskItem item) =>
        string.Equals(item.GetMetadata("GenerateModelTypes").Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static ITaskItem Reference(LockedModel model, ModelCacheFolder cache, string modelsFolder)
    {
        var item = new TaskItem(model.Model);
        item.SetMetadata("Version", model.Requested);
        item.SetMetadata("ResolvedVersion", model.Version.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Digest", model.Digest);
        item.SetMetadata("CachePath", cache.FolderOf(model.Digest) + Path.DirectorySeparatorChar);
        item.SetMetadata("TargetPath", TargetFolder(model, modelsFolder));
        return item;
    }

    public static IEnumerable<ITaskItem> Files(LockedModel model, ModelCacheFolder cache, string modelsFolder)
    {
        var folder = TargetFolder(model, modelsFolder);
        foreach (var file in model.Files)
        {
            var item = new TaskItem(cache.FileOf(model.Digest, file.Path));
            item.SetMetadata("Model", model.Model);
            item.SetMetadata("ModelVersion", model.Version.ToString(CultureInfo.InvariantCulture));
            item.SetMetadata("ModelDigest", model.Digest);
            item.SetMetadata("FileDigest", file.Digest);
            item.SetMetadata("TargetPath", Path.Combine(folder, file.Path.Replace('/', Path.DirectorySeparatorChar)));
            yield return item;
        }
    }

    /// <summary>Where a model lands under the output folder: <c>models/FraudDetection</c> by default.</summary>
    public static string TargetFolder(LockedModel model, string modelsFolder) =>
        string.IsNullOrWhiteSpace(modelsFolder) ? model.Model : Path.Combine(modelsFolder.Trim().TrimEnd('/', '\\'), model.Model);
}
