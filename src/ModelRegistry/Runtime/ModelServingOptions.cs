using ModelRegistry.Signing;

namespace ModelRegistry.Runtime;

/// <summary>Where served models come from and how often their stages are checked (docs/serving.md).</summary>
public sealed class ModelServingOptions
{
    /// <summary>The client to use as it is; when null, one is opened from <see cref="Registry"/>, <see cref="Cache"/>
    /// and <see cref="Trust"/> on first use.</summary>
    public ModelRegistryClient? Client { get; set; }

    /// <summary>The registry: a folder or URL; null: $MODEL_REGISTRY, else ./.model-registry.</summary>
    public string? Registry { get; set; }

    /// <summary>The machine-wide cache folder; null: ~/.model-registry/cache.</summary>
    public string? Cache { get; set; }

    /// <summary>Serve only versions this trust policy accepts (docs/signing.md).</summary>
    public TrustPolicy? Trust { get; set; }

    /// <summary>How often each followed stage is checked: one conditional read of the model's state per poll.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeProvider Time { get; set; } = TimeProvider.System;
}
