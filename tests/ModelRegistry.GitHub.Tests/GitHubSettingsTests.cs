using Xunit;

namespace ModelRegistry.GitHub.Tests;

public sealed class GitHubSettingsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Options_win_over_the_variables_GitHub_Actions_sets()
    {
        var settings = GitHubSettings.Resolve("promote", "from-option", "owner/from-option",
            Environment(("GITHUB_TOKEN", "from-env"), ("GITHUB_REPOSITORY", "owner/from-env")));

        Assert.Equal("from-option", settings.Token);
        Assert.Equal(new GitHubRepository("owner", "from-option"), settings.Repository);
        Assert.Equal(new Uri("https://api.github.com/"), settings.ApiUrl);
    }

    [Fact]
    public void An_Enterprise_API_URL_keeps_its_path_and_gains_the_trailing_slash_relative_paths_need()
    {
        var settings = GitHubSettings.Resolve("promote", null, null, Environment(
            ("GITHUB_TOKEN", "t"), ("GITHUB_REPOSITORY", "o/r"), ("GITHUB_API_URL", "https://ghe.example.com/api/v3"), ("GITHUB_SERVER_URL", "https://ghe.example.com")));

        Assert.Equal("https://ghe.example.com/api/v3/repos/o/r", new Uri(settings.ApiUrl, "repos/o/r").ToString());
        Assert.Equal("https://ghe.example.com/o/r/actions/runs/5", settings.RunUrl(5));
    }

    [Fact]
    public void No_token_anywhere_is_a_usage_error_that_says_where_to_put_one()
    {
        var error = Assert.Throws<RegistryException>(() => GitHubSettings.Resolve("gate pull-request", null, "o/r", Environment()));

        Assert.Equal("MRB1701", error.Code);
        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("GITHUB_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("just-a-name")]
    [InlineData("a/b/c")]
    [InlineData("../etc")]
    [InlineData("owner/na me")]
    public void A_repository_that_is_not_owner_slash_name_is_refused(string repository)
    {
        var error = Assert.Throws<RegistryException>(() => GitHubSettings.Resolve("promote", "t", repository, Environment()));

        Assert.Equal("MRB1702", error.Code);
    }

    [Fact]
    public void An_API_URL_with_credentials_in_it_is_refused()
    {
        var error = Assert.Throws<RegistryException>(() => GitHubSettings.Resolve("promote", "t", "o/r",
            Environment(("GITHUB_API_URL", "https://user:secret@ghe.example.com/api/v3"))));

        Assert.Equal("MRB1719", error.Code);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
