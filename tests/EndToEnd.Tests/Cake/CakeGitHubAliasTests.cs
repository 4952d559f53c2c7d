using EndToEnd.Tests.Infrastructure;
using Xunit;

namespace EndToEnd.Tests.Cake;

/// <summary>
/// The GitHub aliases reach the CLI with their options and their token, and fail with GitHub's coded errors, without
/// a network call: each script stops at a check the CLI makes before it talks to GitHub.
/// </summary>
[Collection(CakeAddinCollectionDefinition.Name)]
public sealed class CakeGitHubAliasTests(CakeAddinFixture fixture)
{
    private const string Token = "ghp_e2eNotARealToken0123456789abcdefghij";

    [Fact]
    public async Task The_token_travels_in_the_environment_never_on_the_command_line()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-github-token", $$"""
            Task("Request").Does(() =>
            {
                ModelRegistryRequestPromotion("FraudDetection@1", "Production", new ModelRegistryPromotionRequestSettings
                {
                    Registry = "registry",
                    GitHubToken = "{{Token}}",
                    GitHubRepository = "not a repository",
                    Reason = "e2e",
                });
            });
            """);

        // act
        var result = await script.RunAsync("Request", "--verbosity=diagnostic");

        // assert
        result.AssertFailure();
        Assert.Contains("MRB1702", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MRB1701", result.Output, StringComparison.Ordinal);
        Assert.Contains("promote request", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_pull_request_gate_fails_with_the_coded_message()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-github-gate", """
            Task("Gate").Does(() =>
            {
                ModelRegistryPullRequestGate(42, "FraudDetection@pr-42", new ModelRegistryPullRequestGateSettings { Registry = "registry", Thresholds = { "auc>=Production-0.005" } });
            });
            """);

        // act
        var result = await script.RunAsync("Gate");

        // assert
        result.AssertFailure();
        Assert.Contains("MRB1701", result.Output, StringComparison.Ordinal);
        Assert.Contains("gate pull-request", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_GitHub_run_and_a_local_approval_do_not_combine_in_one_promotion()
    {
        // arrange
        using var script = CakeScript.Create(fixture.Product, "cake-github-run", """
            Task("Promote").Does(() =>
            {
                System.IO.File.WriteAllBytes("model.bin", new byte[] { 1, 2, 3 });
                ModelRegistryRegister("FraudDetection", "model.bin", new ModelRegistryRegisterSettings { Registry = "registry" });
                ModelRegistryPromote("FraudDetection@1", "Production", new ModelRegistryPromoteSettings
                {
                    Registry = "registry",
                    GitHubRun = 123456,
                    ApprovedBy = "alice",
                });
            });
            """);

        // act
        var result = await script.RunAsync("Promote");

        // assert
        result.AssertFailure();
        Assert.Contains("MRB1719", result.Output, StringComparison.Ordinal);
        Assert.Contains("--github-run", result.Output, StringComparison.Ordinal);
    }
}
