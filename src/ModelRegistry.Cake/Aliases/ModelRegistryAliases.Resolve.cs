using Cake.Core;
using Cake.Core.Annotations;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>Resolves a reference to the exact version and digest it names now (<c>model-registry resolve</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference"><c>FraudDetection@Production</c>, <c>FraudDetection@7</c>, <c>FraudDetection@1.2.0</c>, <c>FraudDetection@champion</c>.</param>
    /// <returns>The version.</returns>
    /// <example>
    /// <code>
    /// var production = ModelRegistryResolve("FraudDetection@Production");
    /// Information("Production is version {0} ({1})", production.Version, production.Digest);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Resolve")]
    public static VersionInfo ModelRegistryResolve(this ICakeContext context, string reference) =>
        context.ModelRegistryResolve(reference, new ModelRegistryResolveSettings());

    /// <summary>Resolves a reference to the exact version and digest it names, now or at a point in history (<c>model-registry resolve</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The reference to resolve.</param>
    /// <param name="settings">Where the registry is and the point in history.</param>
    /// <returns>The version.</returns>
    /// <example>
    /// <code>
    /// var then = ModelRegistryResolve("FraudDetection@Production", new ModelRegistryResolveSettings { AsOf = "2026-01-31T12:00:00Z" });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Resolve")]
    public static VersionInfo ModelRegistryResolve(this ICakeContext context, string reference, ModelRegistryResolveSettings settings)
    {
        return Run<VersionInfo>(context, "resolve", [reference], settings);
    }

    /// <summary>Resolves a reference to the exact version and digest it names (<c>model-registry resolve</c>), with settings built by a delegate.</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The reference to resolve.</param>
    /// <param name="configure">Builds the settings.</param>
    /// <returns>The version.</returns>
    /// <example>
    /// <code>
    /// var staging = ModelRegistryResolve("FraudDetection@Staging", s => s.WithRegistry("https://acct.blob.core.windows.net/models"));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Resolve")]
    public static VersionInfo ModelRegistryResolve(this ICakeContext context, string reference, Func<ModelRegistryResolveSettings, ModelRegistryResolveSettings> configure) =>
        context.ModelRegistryResolve(reference, Configure(configure));
}
