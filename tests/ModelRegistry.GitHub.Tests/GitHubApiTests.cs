using ModelRegistry.GitHub.Api;
using ModelRegistry.GitHub.Tests.Fake;
using ModelRegistry.GitHub.Tests.Support;
using Octokit;
using Xunit;

namespace ModelRegistry.GitHub.Tests;

public sealed class GitHubApiTests : IDisposable
{
    private static readonly GitHubOperation ReadPull = new("reading pull request", "pull-requests: read");

    private readonly GitHubWorld world = new();

    public void Dispose() => world.Dispose();

    private static Task<PullRequest> GetPullAsync(GitHubApi api, int number) =>
        api.SendAsync(ReadPull, client => client.PullRequest.Get(FakeGitHubServer.Owner, FakeGitHubServer.Repo, number));

    [Fact]
    public async Task Primary_rate_limit_403_is_waited_out_until_its_reset_then_the_call_succeeds()
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.RateLimit(resetInSeconds: 3));

        var answer = await GetPullAsync(world.Api(), pull.Number);

        Assert.Equal(pull.Number, answer.Number);
        Assert.Equal(2, world.Server.Count("pulls/get"));
        var delay = Assert.Single(world.Delays);
        Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Secondary_rate_limit_403_waits_what_Retry_After_says()
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.SecondaryRateLimit(retryAfterSeconds: 7));

        await GetPullAsync(world.Api(), pull.Number);

        Assert.Equal([TimeSpan.FromSeconds(7)], world.Delays);
    }

    [Fact]
    public async Task Too_many_requests_429_is_retried_after_Retry_After()
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.TooManyRequests(retryAfterSeconds: 2), times: 2);

        await GetPullAsync(world.Api(), pull.Number);

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], world.Delays);
        Assert.Equal(3, world.Server.Count("pulls/get"));
    }

    [Fact]
    public async Task Bad_gateway_then_success_retries_a_read_after_a_backoff()
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.BadGateway());

        var answer = await GetPullAsync(world.Api(), pull.Number);

        Assert.Equal(pull.HeadSha, answer.Head.Sha);
        Assert.Equal([TimeSpan.FromSeconds(1)], world.Delays);
    }

    [Fact]
    public async Task A_lasting_outage_stops_after_the_bounded_attempts_with_MRB1708()
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.BadGateway(), times: 10);

        var error = await Assert.ThrowsAsync<RegistryException>(() => GetPullAsync(world.Api(), pull.Number));

        Assert.Equal("MRB1708", error.Code);
        Assert.Equal(RetryPolicy.Default.MaxAttempts, world.Server.Count("pulls/get"));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], world.Delays);
    }

    [Fact]
    public async Task A_rate_limit_that_resets_in_an_hour_is_reported_at_once_with_its_reset_time()
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.RateLimit(resetInSeconds: 3600));

        var error = await Assert.ThrowsAsync<RegistryException>(() => GetPullAsync(world.Api(), pull.Number));

        Assert.Equal("MRB1707", error.Code);
        Assert.Contains("UTC", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Delays);
        Assert.Equal(1, world.Server.Count("pulls/get"));
    }

    [Fact]
    public async Task A_wrong_token_gives_MRB1703_and_the_message_does_not_hold_it()
    {
        const string wrong = "ghp_WrongTokenThatGitHubDoesNotKnow00009";
        var pull = world.Server.AddPullRequest("alice");

        var error = await Assert.ThrowsAsync<RegistryException>(() => GetPullAsync(world.Api(wrong), pull.Number));

        Assert.Equal("MRB1703", error.Code);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, true, null)]
    [InlineData(403, false, 3)]
    [InlineData(429, true, null)]
    public async Task The_rate_limit_headers_decide_whatever_the_message_says(int status, bool exhausted, int? retryAfter)
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.RateLimitWithOtherMessage(status, exhausted, retryAfter));

        var got = await GetPullAsync(world.Api(), pull.Number);

        Assert.Equal(pull.Number, got.Number);
        Assert.Single(world.Delays);
        Assert.Equal(2, world.Server.Count("pulls/get"));
    }

    [Fact]
    public async Task A_rate_limit_with_another_message_that_lasts_is_reported_as_a_rate_limit_never_as_a_permission()
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.RateLimitWithOtherMessage(403, exhausted: false, retryAfterSeconds: 7200));

        var error = await Assert.ThrowsAsync<RegistryException>(() => GetPullAsync(world.Api(), pull.Number));

        Assert.Equal("MRB1707", error.Code);
        Assert.Contains("rate limit", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("permission", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_403_without_rate_limit_headers_is_final_and_names_the_missing_permission()
    {
        var pull = world.Server.AddPullRequest("alice");
        var api = world.Api(Tokens.ReadOnly);

        var error = await Assert.ThrowsAsync<RegistryException>(() => api.SendAsync(
            new GitHubOperation("setting a commit status", "statuses: write", OperationKind.IdempotentWrite),
            client => client.Repository.Status.Create(FakeGitHubServer.Owner, FakeGitHubServer.Repo, pull.HeadSha, new NewCommitStatus { State = CommitState.Success, Context = "x" })));

        Assert.Equal("MRB1704", error.Code);
        Assert.Contains("'statuses: write'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Resource not accessible by integration", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Delays);
    }

    [Fact]
    public async Task A_404_says_what_was_looked_for_and_which_permission_lets_a_token_see_it()
    {
        var error = await Assert.ThrowsAsync<RegistryException>(() => GetPullAsync(world.Api(), 9999));

        Assert.Equal("MRB1705", error.Code);
        Assert.Contains("'pull-requests: read'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_422_gives_MRB1706_with_GitHub_s_reason_and_never_the_token_GitHub_echoed()
    {
        var pull = world.Server.AddPullRequest("alice");
        world.Server.Fail("pulls/get", FakeFailure.Status(422, $"Validation Failed: 'token {Tokens.Actions}' is not a field"));

        var error = await Assert.ThrowsAsync<RegistryException>(() => GetPullAsync(world.Api(), pull.Number));

        Assert.Equal("MRB1706", error.Code);
        Assert.Contains("Validation Failed", error.Message, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Tokens.Actions, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_go_under_the_configured_base_path()
    {
        var pull = world.Server.AddPullRequest("alice");

        await GetPullAsync(world.Api(), pull.Number);

        var request = Assert.Single(world.Server.Requests);
        Assert.Equal($"/repos/{FakeGitHubServer.Repository}/pulls/{pull.Number}", request.Path);
        Assert.Equal(200, request.Status);
    }
}
