using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Evaluates the thresholds and registers a model file or folder as a new version with its metrics and recipe
    /// (<c>model-registry register</c>). Fails the task with <c>MRB1203</c> when a threshold is not met: nothing is
    /// registered then.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="model">The model name (<c>FraudDetection</c>).</param>
    /// <param name="artifact">The model file or folder.</param>
    /// <param name="settings">Optional; metrics, thresholds, label, tags and the recipe's inputs.</param>
    /// <returns>The registered version and the verdict of its thresholds.</returns>
    /// <example>
    /// <code>
    /// var registration = ModelRegistryRegister("FraudDetection", "out/model.zip", new ModelRegistryRegisterSettings
    /// {
    ///     Metrics = "out/metrics.json",
    ///     Thresholds = { "auc>=0.90", "latency_p95_ms&lt;=50" },
    ///     Label = "1.2.0",
    ///     Command = "dotnet run --project src/Trainer",
    /// });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Register")]
    public static ModelRegistration ModelRegistryRegister(this ICakeContext context, string model, FilePath artifact, ModelRegistryRegisterSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(artifact);
        settings ??= new();
        var result = Execute(context, settings.CommandLine(model, artifact, context.Environment).ToCommandLine(), settings);
        return result.GateNotMet
            ? new ModelRegistration { Evaluation = Read<NotRegisteredDocument>(result, "register").Evaluation }
            : new ModelRegistration { Version = Read<RegistrationDocument>(result, "register") };
    }
}
