using Cake.Core;
using Cake.Core.IO;

namespace ModelRegistry.Cake;

/// <summary>Settings of <c>model-registry pull</c> (<see cref="ModelRegistryAliases.ModelRegistryPull(ICakeContext, string, DirectoryPath, ModelRegistryPullSettings)"/>).</summary>
public sealed class ModelRegistryPullSettings : ModelRegistryReadSettings;
