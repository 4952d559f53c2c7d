using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Cake;

/// <summary>The packed product, for the Cake addin's tests (their own collection).</summary>
public sealed class CakeAddinFixture : PackagedProductFixture
{
}
