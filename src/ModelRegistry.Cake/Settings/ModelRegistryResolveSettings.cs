using Cake.Core;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry resolve</c> (<see cref="ModelRegistryAliases.ModelRegistryResolve(ICakeContext, string, ModelRegistryResolveSettings)"/>).</summary>
public sealed class ModelRegistryResolveSettings : ModelRegistryReadSettings;
