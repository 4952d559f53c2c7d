using Cake.Core;
using Cake.Core.Annotations;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>Resolves a reference to the exact version and digest it names, now or at a point in history (<c>model-registry resolve</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="reference">The reference to resolve.</param>
    /// <param name="settings">Optional; where the registry is and the point in history.</param>
    /// <returns>The version.</returns>
    /// <example>
    /// <code>
    /// var then = ModelRegistryResolve("FraudDetection@Production", new ModelRegistryResolveSettings { AsOf = "2026-01-31T12:00:00Z" });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Resolve")]
    public static VersionInfo ModelRegistryResolve(this ICakeContext context, string reference, ModelRegistryResolveSettings? settings = null) =>
        Run<VersionInfo>(context, "resolve", [reference], settings ?? new());
}
