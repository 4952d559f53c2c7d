using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>Downloads a model version's files into a folder, each verified by its digest (<c>model-registry pull</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version: <c>FraudDetection@Production</c>, <c>FraudDetection@7</c>, ...</param>
    /// <param name="output">The folder to write the files into.</param>
    /// <returns>The version pulled and where its files are.</returns>
    /// <example>
    /// <code>
    /// var pulled = ModelRegistryPull("FraudDetection@Production", "./serving/model");
    /// Information("Serving version {0} from {1}", pulled.Version.Version, pulled.Folder);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Pull")]
    public static PulledModel ModelRegistryPull(this ICakeContext context, string reference, DirectoryPath output) =>
        context.ModelRegistryPull(reference, output, new ModelRegistryPullSettings());

    /// <summary>Downloads a model version's files into a folder, now or as of a point in history (<c>model-registry pull</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version to pull.</param>
    /// <param name="output">The folder to write the files into.</param>
    /// <param name="settings">Where the registry is and the point in history.</param>
    /// <returns>The version pulled and where its files are.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryPull("FraudDetection@Production", "./model", new ModelRegistryPullSettings { Registry = "../registry" });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Pull")]
    public static PulledModel ModelRegistryPull(this ICakeContext context, string reference, DirectoryPath output, ModelRegistryPullSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var arguments = new[] { reference, "--output", CliArguments.Absolute(output, context.Environment) };
        var result = Run(context, "pull", arguments, settings);
        return PulledModel.From(result.Document, result.Command);
    }

    /// <summary>Downloads a model version's files into a folder (<c>model-registry pull</c>), with settings built by a delegate.</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The version to pull.</param>
    /// <param name="output">The folder to write the files into.</param>
    /// <param name="configure">Builds the settings.</param>
    /// <returns>The version pulled and where its files are.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryPull("FraudDetection@Production", "./model", s => s.WithAsOf("42"));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Pull")]
    public static PulledModel ModelRegistryPull(this ICakeContext context, string reference, DirectoryPath output, Func<ModelRegistryPullSettings, ModelRegistryPullSettings> configure) =>
        context.ModelRegistryPull(reference, output, Configure(configure));
}
