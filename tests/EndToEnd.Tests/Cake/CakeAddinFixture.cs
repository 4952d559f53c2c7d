using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Cake;

/// <summary>The product with the Cake addin packed into the feed, and one Cake addins folder for the whole run.</summary>
public sealed class CakeAddinFixture : PackagedProductFixture
{
    public const string CakeAddinProject = "src/ModelRegistry.Cake/ModelRegistry.Cake.csproj";

    protected override IEnumerable<string> Projects => [CakeAddinProject];
}
