using Cake.Core;
using Cake.Core.Annotations;
using ModelRegistry.Runtime;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>
    /// Restores a project's model references in one run (<c>model-registry restore</c>): each is resolved (or kept as
    /// models.lock.json pins it), pulled into the cache verified by digest, and the lock file is written when it changed.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="references">The references: <c>FraudDetection@Production</c>, <c>Churn@3</c>, <c>Ranker</c> (latest).</param>
    /// <returns>Every reference with its pinned version and cache folder.</returns>
    /// <example>
    /// <code>
    /// var models = ModelRegistryRestore(new[] { "FraudDetection@Production", "Churn@3" });
    /// CopyFile(models.Models[0].File("model.zip"), "./service/model.zip");
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Restore")]
    public static RestoreDocument ModelRegistryRestore(this ICakeContext context, IEnumerable<string> references) =>
        context.ModelRegistryRestore(references, new ModelRegistryRestoreSettings());

    /// <summary>Restores a project's model references in one run (<c>model-registry restore</c>) with a lock file, a
    /// cache folder, a refresh or locked mode.</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="references">The references.</param>
    /// <param name="settings">The lock file, the cache, refresh or locked mode, and where the registry is.</param>
    /// <returns>Every reference with its pinned version and cache folder.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryRestore(new[] { "FraudDetection@Production" }, new ModelRegistryRestoreSettings { LockFile = "service/models.lock.json", Locked = true });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Restore")]
    public static RestoreDocument ModelRegistryRestore(this ICakeContext context, IEnumerable<string> references, ModelRegistryRestoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(references);
        return Run<RestoreDocument>(context, "restore", references, settings);
    }

    /// <summary>Restores a project's model references in one run (<c>model-registry restore</c>), with settings built by a delegate.</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="references">The references.</param>
    /// <param name="configure">Builds the settings.</param>
    /// <returns>Every reference with its pinned version and cache folder.</returns>
    /// <example>
    /// <code>
    /// ModelRegistryRestore(new[] { "FraudDetection@Production" }, s => s.WithLockFile("service/models.lock.json").InLockedMode());
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Restore")]
    public static RestoreDocument ModelRegistryRestore(this ICakeContext context, IEnumerable<string> references, Func<ModelRegistryRestoreSettings, ModelRegistryRestoreSettings> configure) =>
        context.ModelRegistryRestore(references, Configure(configure));
}
