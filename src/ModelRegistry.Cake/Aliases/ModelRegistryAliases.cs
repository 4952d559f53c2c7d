using System.Text.Json;
using Cake.Core;
using Cake.Core.Annotations;
using ModelRegistry.Faces;

namespace ModelRegistry.Cake;

/// <summary>
/// Aliases for <see href="https://github.com/modelregistry-build/modelregistry-build">ModelRegistry.Build</see>, a
/// model registry that lives in the build: evaluate metrics against thresholds, register model versions with their
/// lineage, promote them through stages, resolve and pull them, and gate pull requests. Each alias runs one
/// <c>model-registry</c> command in its own process and returns its result; a failure fails the task with the
/// registry's coded message (<c>MRB1203: ...</c>).
/// </summary>
/// <example>
/// <code>
/// #addin nuget:?package=ModelRegistry.Cake&amp;version=0.1.0
///
/// Task("Register").Does(() =>
/// {
///     var registration = ModelRegistryRegister("FraudDetection", "out/model.zip",
///         new ModelRegistryRegisterSettings { Metrics = "out/metrics.json", Thresholds = { "auc>=0.90" } });
///     Information("Registered {0}", registration.Version);
/// });
/// </code>
/// </example>
[CakeAliasCategory("ModelRegistry")]
[CakeNamespaceImport("ModelRegistry")]
[CakeNamespaceImport("ModelRegistry.Content")]
[CakeNamespaceImport("ModelRegistry.Metrics")]
[CakeNamespaceImport("ModelRegistry.Runtime")]
[CakeNamespaceImport("ModelRegistry.Manifest")]
[CakeNamespaceImport("ModelRegistry.Policies")]
[CakeNamespaceImport("ModelRegistry.Retention")]
[CakeNamespaceImport("ModelRegistry.Storage")]
[CakeNamespaceImport("ModelRegistry.GitHub.PullRequests")]
public static partial class ModelRegistryAliases
{
    /// <summary>Runs the command and reads its document as the contract's record <typeparamref name="T"/>.</summary>
    private static T Run<T>(ICakeContext context, string command, IEnumerable<string> arguments, ModelRegistrySettings settings)
        where T : class =>
        Read<T>(Execute(context, new CliCommandLine([.. command.Split(' '), .. arguments]), settings), command);

    /// <summary>Reads the document as <typeparamref name="T"/>; MRB1804 when it is not one (a CLI of another version).</summary>
    internal static T Read<T>(CliResult result, string command)
        where T : class
    {
        try
        {
            return result.Document<T>();
        }
        catch (JsonException e)
        {
            throw Errors.UnreadableOutput(command, e.Message);
        }
    }

    private static CliResult Execute(ICakeContext context, CliCommandLine line, ModelRegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        return new ModelRegistryRunner(context).Execute(line, settings);
    }
}
