using Xunit;

namespace EndToEnd.Tests.Templates;

/// <summary>Repositories and services made from the installed template pack, built and run for real.</summary>
[CollectionDefinition(Name)]
public sealed class TemplatesCollectionDefinition : ICollectionFixture<TemplatesFixture>
{
    public const string Name = "Templates";
}
