using System.Globalization;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>The repository's state, and the test-facing ways to change it as people on GitHub would.</summary>
public sealed partial class FakeGitHubServer
{
    public const string PromotionWorkflow = "model-registry-promote.yml";

    public const string ProductionEnvironmentId = "161171787";

    private readonly Dictionary<string, string> branches = new(StringComparer.Ordinal) { ["main"] = "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d" };
    private readonly Dictionary<string, IReadOnlySet<string>> workflows = new(StringComparer.Ordinal) { [PromotionWorkflow] = new HashSet<string> { "model", "version", "expect_current", "allow_breaking_schema" } };
    private readonly Dictionary<string, long> environments = new(StringComparer.OrdinalIgnoreCase) { ["production"] = 161171787, ["staging"] = 161088068 };
    private readonly Dictionary<long, FakeRun> runs = [];
    private readonly Dictionary<long, FakeDeployment> deployments = [];
    private readonly List<FakeCommitStatus> statuses = [];
    private readonly Dictionary<int, FakePullRequest> pulls = [];
    private readonly Dictionary<long, FakeComment> comments = [];
    private readonly Dictionary<string, long> userIds = new(StringComparer.OrdinalIgnoreCase);
    private int nextPull = 1346;

    public string MainSha => Locked(() => branches["main"]);

    public FakeRun Run(long id) => Locked(() => runs[id]);

    public IReadOnlyList<FakeRun> Runs => Locked(() => runs.Values.ToList());

    public IReadOnlyList<FakeDeployment> Deployments => Locked(() => deployments.Values.ToList());

    public IReadOnlyList<FakeComment> Comments(int issue) => Locked(() => comments.Values.Where(c => c.Issue == issue).ToList());

    public IReadOnlyList<FakeCommitStatus> Statuses(string sha) => Locked(() => statuses.Where(s => s.Sha == sha).ToList());

    public FakePullRequest PullRequest(int number) => Locked(() => pulls[number]);

    /// <summary>A run that waits for the production environment's reviewers, as a dispatched promotion run does.</summary>
    public FakeRun AddRun(string actor, string status = "waiting", string? headSha = null) => Locked(() =>
    {
        var run = new FakeRun { Id = NextId(), Workflow = PromotionWorkflow, HeadBranch = "main", HeadSha = headSha ?? branches["main"], Actor = actor, TriggeringActor = actor, Status = status };
        runs[run.Id] = run;
        return run;
    });

    /// <summary>A reviewer's decision, as the pending-deployments review records it.</summary>
    public void ReviewRun(long runId, string user, string state, string comment = "") => Locked(() =>
    {
        var run = runs[runId];
        run.Approvals.Add(new FakeApproval(user, state, comment, run.Environment));
        (run.Status, run.Conclusion) = state == "approved" ? ("in_progress", null) : ("completed", "failure");
        return run;
    });

    public FakePullRequest AddPullRequest(string author, string title = "Retrain FraudDetection") => Locked(() =>
    {
        var number = ++nextPull;
        var pull = new FakePullRequest { Number = number, Author = author, Title = title, HeadRef = $"retrain-{number}", HeadSha = NewSha() };
        pulls[number] = pull;
        return pull;
    });

    /// <summary>A push to the pull request's branch: a new head commit.</summary>
    public string Push(int number) => Locked(() => pulls[number].HeadSha = NewSha());

    public void AddReview(int number, string user, string state, string? commitId = null) => Locked(() =>
    {
        var pull = pulls[number];
        pull.Reviews.Add(new FakeReview(NextId(), user, state, commitId ?? pull.HeadSha, state == "APPROVED" ? "Looks good" : "", DateTimeOffset.UtcNow));
        return pull;
    });

    public void Merge(int number, string by) => Locked(() =>
    {
        var pull = pulls[number];
        (pull.State, pull.Merged, pull.MergedBy, pull.MergeCommitSha) = ("closed", true, by, NewSha());
        branches["main"] = pull.MergeCommitSha;
        return pull;
    });

    public void Close(int number) => Locked(() => pulls[number].State = "closed");

    public void SetCommitStatus(string sha, string context, string state) => Locked(() =>
    {
        statuses.Add(new FakeCommitStatus(NextId(), sha, state, context, "", "", "ci-bot"));
        return sha;
    });

    /// <summary>A commit id: 40 hex digits, unique in this fake.</summary>
    private string NewSha() => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(NextId())))[..40];

    private long UserId(string login)
    {
        if (!userIds.TryGetValue(login, out var id))
        {
            id = userIds[login] = 583231 + userIds.Count;
        }

        return id;
    }

    private T Locked<T>(Func<T> action)
    {
        lock (gate)
        {
            return action();
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
