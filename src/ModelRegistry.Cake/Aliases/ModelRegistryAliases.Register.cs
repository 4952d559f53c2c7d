using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Registers a model file or folder as a new version (<c>model-registry register</c>). Registering the same recipe
    /// again returns the existing version.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="model">The model name (<c>FraudDetection</c>).</param>
    /// <param name="artifact">The model file or folder.</param>
    /// <returns>The registered version.</returns>
    /// <example>
    /// <code>
    /// var registration = ModelRegistryRegister("FraudDetection", "out/model.zip");
    /// Information("{0} version {1}", registration.IsNew ? "New" : "Unchanged", registration.Version.Version);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Register")]
    public static ModelRegistration ModelRegistryRegister(this ICakeContext context, string model, FilePath artifact) =>
        context.ModelRegistryRegister(model, artifact, new ModelRegistryRegisterSettings());

    /// <summary>
    /// Evaluates the thresholds and registers a model file or folder as a new version with its metrics and recipe
    /// (<c>model-registry register</c>). Fails the task with <c>MRB1203</c> when a threshold is not met: nothing is
    /// registered then.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="model">The model name (<c>FraudDetection</c>).</param>
    /// <param name="artifact">The model file or folder.</param>
    /// <param name="settings">Metrics, thresholds, label, tags and the recipe's inputs.</param>
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
    public static ModelRegistration ModelRegistryRegister(this ICakeContext context, string model, FilePath artifact, ModelRegistryRegisterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(settings);
        var result = Execute(context, settings.CommandLine(model, artifact, context.Environment).ToCommandLine(), settings);
        return result.GateNotMet
            ? new ModelRegistration { Evaluation = Read<NotRegisteredDocument>(result, "register").Evaluation }
            : new ModelRegistration { Version = Read<RegistrationDocument>(result, "register") };
    }

    /// <summary>
    /// Evaluates the thresholds and registers a model file or folder as a new version
    /// (<c>model-registry register</c>), with settings built by a delegate.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="model">The model name (<c>FraudDetection</c>).</param>
    /// <param name="artifact">The model file or folder.</param>
    /// <param name="configure">Builds the settings.</param>
    /// <returns>The registered version and the verdict of its thresholds.</returns>
    /// <example>
    /// <code>
    /// var registration = ModelRegistryRegister("FraudDetection", "out/model.zip", s => s
    ///     .WithMetrics("out/metrics.json")
    ///     .WithThreshold("auc>=0.90")
    ///     .WithTag("team", "risk"));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Register")]
    public static ModelRegistration ModelRegistryRegister(this ICakeContext context, string model, FilePath artifact, Func<ModelRegistryRegisterSettings, ModelRegistryRegisterSettings> configure) =>
        context.ModelRegistryRegister(model, artifact, Configure(configure));
}
