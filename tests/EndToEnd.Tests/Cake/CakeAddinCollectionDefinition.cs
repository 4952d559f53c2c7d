using Xunit;

namespace EndToEnd.Tests.Cake;

/// <summary>Cake scripts that load the packed addin; run one after another like every packaged-product test.</summary>
[CollectionDefinition(Name)]
public sealed class CakeAddinCollectionDefinition : ICollectionFixture<CakeAddinFixture>
{
    public const string Name = "Cake addin";
}
