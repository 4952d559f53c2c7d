using Cake.Core;
using Cake.Core.Annotations;

namespace ModelRegistry.Cake;

public static partial class ModelRegistryAliases
{
    /// <summary>Plans retention and garbage collection, or with <c>Apply</c> purges and deletes (<c>model-registry gc</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">Optional; where the registry is, the grace period, and whether to apply.</param>
    /// <returns>Each model's plan and the files removed (or to remove).</returns>
    /// <example>
    /// <code>
    /// var plan = ModelRegistryGc(new ModelRegistryGcSettings());
    /// foreach (var model in plan.Models)
    ///     Information("{0}: purge {1}", model.Model, string.Join(", ", model.Purge.Select(p => p.Version)));
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Retention")]
    public static GcReport ModelRegistryGc(this ICakeContext context, ModelRegistryGcSettings? settings = null) =>
        Run<GcReport>(context, "gc", [], settings ?? new());

    /// <summary>Sets (or with <c>Clear</c> removes) retention rules for the registry or one model (<c>model-registry retention set|clear</c>).</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="settings">The model (null for the default), the rules and the reason.</param>
    /// <returns>The policy revision the change committed, and for a model the rules that apply to it.</returns>
    /// <example>
    /// <code>
    /// ModelRegistrySetRetention(new ModelRegistryRetentionSettings { KeepLast = 10, KeepLabelled = true, Reason = "storage costs" });
    /// </code>
    /// </example>
    [CakeMethodAlias]
    [CakeAliasCategory("Retention")]
    public static RetentionDocument ModelRegistrySetRetention(this ICakeContext context, ModelRegistryRetentionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Run<RetentionDocument>(context, settings.Command, [], settings);
    }
}
