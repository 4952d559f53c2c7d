using Xunit;

namespace ModelRegistry.Build.Tests.Targets;

/// <summary>In-process builds share BuildManager.DefaultBuildManager: their tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TargetsCollectionDefinition
{
    public const string Name = "In-process MSBuild";
}
