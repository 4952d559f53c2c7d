using Xunit;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// Tests that build against the packed product. One collection, so its tests run one after another: real builds
/// already use both cores of the machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackagedProductCollectionDefinition : ICollectionFixture<PackagedProductFixture>
{
    public const string Name = "Packaged product";
}
