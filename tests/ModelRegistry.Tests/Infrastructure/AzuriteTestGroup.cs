using Xunit;

namespace ModelRegistry.Tests.Infrastructure;

/// <summary>Every test class that talks to Azurite joins this collection and shares one emulator.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTestGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
