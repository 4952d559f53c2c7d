using Cake.Core;
using Cake.Core.Annotations;
using ModelRegistry.Runtime;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>Restores a project's model references in one run (<c>model-registry restore</c>) with a lock file, a
    /// cache folder, a refresh or locked mode.</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="references">The references.</param>
    /// <param name="settings">Optional; the lock file, the cache, refresh or locked mode, and where the registry is.</param>
    /// <returns>Every reference with its pinned version and cache folder.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryRestore(new[] { "FraudDetection@Production" }, new ModelRegistryRestoreSettings { LockFile = "service/models.lock.json", Locked = true });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Restore")]
    public static RestoreDocument ModelRegistryRestore(this ICakeContext context, IEnumerable<string> references, ModelRegistryRestoreSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(references);
        return Run<RestoreDocument>(context, "restore", references, settings ?? new());
    }
}
