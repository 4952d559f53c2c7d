using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

// The lineage documents are the contract's records; a script names the recipe's parts (DataInput, CodeLineage, ...)
// through this namespace.
[CakeNamespaceImport("ModelRegistry.Recipes")]
public static partial class ModelRegistryAliases
{
    /// <summary>Reads how a version was made, now or as of a point in history (<c>model-registry lineage</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version.</param>
    /// <param name="settings">Optional; where the registry is and the point in history.</param>
    /// <returns>The version, its recipe and the verdict of the thresholds applied at registration.</returns>
    /// <example>
    /// <code>
    /// var then = ModelRegistryLineage("FraudDetection@Production", new ModelRegistryLineageSettings { AsOf = "2026-01-31T12:00:00Z" });
    /// Information("On January 31 Production was version {0}, commit {1}", then.Version, then.Recipe.Code?.Commit);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Lineage")]
    public static VersionLineage ModelRegistryLineage(this ICakeContext context, string reference, ModelRegistryLineageSettings? settings = null) =>
        Run<VersionLineage>(context, "lineage", [reference], settings ?? new());

    /// <summary>
    /// Finds every version trained on a dataset, and which of them is in Production
    /// (<c>model-registry lineage --dataset</c>).
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="dataset">A data file or folder (hashed now), a URI, or a <c>sha256:</c> digest.</param>
    /// <param name="settings">Optional; where the registry is, the model to look in, and the point in history.</param>
    /// <returns>The versions trained on the dataset.</returns>
    /// <example>
    /// <code>
    /// var usage = ModelRegistryDatasetLineage("data/transactions.csv", new ModelRegistryLineageSettings { Model = "FraudDetection" });
    /// Information("In Production and trained on it: {0}", string.Join(", ", usage.InProduction));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Lineage")]
    public static DatasetLineage ModelRegistryDatasetLineage(this ICakeContext context, string dataset, ModelRegistryLineageSettings? settings = null)
    {
        settings ??= new();
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(dataset);
        var value = dataset.Contains("://", StringComparison.Ordinal) || dataset.StartsWith("sha256:", StringComparison.Ordinal) || dataset.StartsWith("md5:", StringComparison.Ordinal)
            ? dataset
            : CliArguments.Absolute(new FilePath(dataset), context.Environment);
        return Run<DatasetLineage>(context, "lineage", ["--dataset", value], settings);
    }
}
