using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>Downloads a model version's files into a folder, now or as of a point in history (<c>model-registry pull</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version to pull.</param>
    /// <param name="output">The folder to write the files into.</param>
    /// <param name="settings">Optional; where the registry is and the point in history.</param>
    /// <returns>The version pulled and where its files are.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryPull("FraudDetection@Production", "./model", new ModelRegistryPullSettings { Registry = "../registry" });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Pull")]
    public static PulledVersionDocument ModelRegistryPull(this ICakeContext context, string reference, DirectoryPath output, ModelRegistryPullSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        return Run<PulledVersionDocument>(context, "pull", [reference, "--output", CliArguments.Absolute(output, context.Environment)], settings ?? new());
    }
}
