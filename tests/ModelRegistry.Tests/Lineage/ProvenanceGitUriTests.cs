using ModelRegistry.Lineage.Provenance;

namespace ModelRegistry.Tests.Lineage;

/// <summary>A ResourceDescriptor needs an absolute URI: the code dependency's remote is made one.</summary>
public sealed class ProvenanceGitUriTests
{
    [Theory]
    [InlineData("git@github.com:contoso/fraud.git", "ssh://git@github.com/contoso/fraud.git")]
    [InlineData("https://github.com/contoso/fraud.git", "https://github.com/contoso/fraud.git")]
    [InlineData("/srv/git/fraud.git", "file:///srv/git/fraud.git")]
    [InlineData("../fraud.git", null)]
    public void Remotes_become_absolute_uris_for_the_code_dependency(string remote, string? uri)
    {
        Assert.Equal(uri, ProvenanceStatement.GitUri(remote));
    }
}
