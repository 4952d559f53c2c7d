namespace ModelRegistry.GitHub;

/// <summary>GitHub gates and the GitHub API (MRB17xx). Messages never carry a token: callers pass text that was
/// already redacted, and every message names the permission or setting that would fix the refusal.</summary>
public static class GitHubErrors
{
    public static RegistryException GitHubTokenMissing(string command) => new("MRB1701",
        $"'{command}' needs a GitHub token: set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{{{ github.token }}}}) or pass --github-token.", ErrorKind.Usage);

    public static RegistryException GitHubRepositoryMissing(string value) => new("MRB1702",
        $"'{ContractErrors.Printable(value)}' is not a GitHub repository: pass --github-repository <owner>/<name>, or run inside GitHub Actions where GITHUB_REPOSITORY is set.", ErrorKind.Usage);

    public static RegistryException GitHubUnauthorized(string what, string apiUrl) => new("MRB1703",
        $"GitHub at {apiUrl} did not accept the token while {what} (401 Bad credentials): the token is wrong, expired or revoked; create a new one and pass it through GITHUB_TOKEN or --github-token.");

    public static RegistryException GitHubForbidden(string what, string permission, string detail) => new("MRB1704",
        $"GitHub refused {what} (403 {ContractErrors.Printable(detail)}): the token needs the '{permission}' permission; grant it in the workflow's permissions: block or on the token.");

    public static RegistryException GitHubNotFound(string what, string permission) => new("MRB1705",
        $"GitHub found nothing while {what} (404): check the repository, number and names, and that the token can see them (it needs '{permission}'; GitHub answers 404, not 403, for what a token may not see).");

    public static RegistryException GitHubValidationFailed(string what, string detail) => new("MRB1706",
        $"GitHub rejected {what} as invalid (422 {ContractErrors.Printable(detail)}): check the inputs named there.");

    public static RegistryException GitHubRateLimited(string what, int attempts, string resetAt) => new("MRB1707",
        $"GitHub's rate limit stopped {what} after {attempts} attempt(s); it resets {resetAt}. Retry after that, or use a token with a larger quota.");

    public static RegistryException GitHubUnavailable(string what, int attempts, string detail) => new("MRB1708",
        $"GitHub did not answer {what} after {attempts} attempt(s) ({ContractErrors.Printable(detail)}): check https://www.githubstatus.com and retry.");

    public static RegistryException DeploymentChecksFailed(string reference, string contexts) => new("MRB1709",
        $"GitHub refused the deployment of {reference} because the commit's required status checks are not all successful ({ContractErrors.Printable(contexts)}): wait for them to pass, or fix them; nothing was promoted.");

    public static RegistryException DeploymentNotApproved(string model, string stage, long runId, string environment) => new("MRB1710",
        $"Workflow run {runId} holds no approval of environment '{environment}', so {model} was not promoted to {stage}: run the promotion in a job with 'environment: {environment}' and required reviewers, and let a reviewer approve it.");

    public static RegistryException DeploymentRejected(string model, string stage, string reviewer, string comment) => new("MRB1711",
        $"{reviewer} rejected the promotion of {model} to {stage}{(comment.Length > 0 ? $" ('{ContractErrors.Printable(comment)}')" : "")}; the rejection is recorded. Address it and request the promotion again.", ErrorKind.GateNotMet);

    public static RegistryException SelfApprovalRefused(string model, string stage, string requester) => new("MRB1712",
        $"The promotion of {model} to {stage} was approved only by '{requester}', who requested it; the stage policy requires a different approver. Ask another required reviewer to approve a new run.", ErrorKind.GateNotMet);

    public static RegistryException PullRequestNotApproved(int number, int approvals, int required, string headSha) => new("MRB1713",
        $"Pull request #{number} is not merged and has {approvals} approving review(s) on its head commit {Short(headSha)}; the stage policy needs {required}. Reviews of older commits do not count: ask reviewers to approve the current head, or merge it.", ErrorKind.GateNotMet);

    public static RegistryException PullRequestClosed(int number) => new("MRB1714",
        $"Pull request #{number} was closed without merging, so it cannot justify a promotion: reopen it or use another pull request.", ErrorKind.GateNotMet);

    public static RegistryException RunNotInProgress(long runId, string status) => new("MRB1715",
        $"Workflow run {runId} is {status}: approvals are accepted only from the run that is promoting (call 'promote --github-run ${{{{ github.run_id }}}}' inside the approved job).");

    public static RegistryException GitHubOutcomeUnknown(string what) => new("MRB1716",
        $"GitHub failed while {what} in a way that may or may not have applied it: look at the repository on GitHub before retrying, so nothing is done twice.");

    public static RegistryException GitHubGateNotMet(string model, int pullRequest, string failed) => new("MRB1717",
        $"{model} did not pass the pull-request gate on #{pullRequest}: {ContractErrors.Printable(failed)}. The comparison is in the pull request's comment and the 'model-registry/gate' status.", ErrorKind.GateNotMet);

    public static RegistryException GitHubGateKindNotAllowed(string model, string stage, string kind, IEnumerable<string> required) => new("MRB1718",
        $"The stage policy of {stage} does not accept {kind} evidence (it needs {string.Join(" or ", required)}), so {model} cannot be promoted through this gate: use the gate the policy names.");

    public static RegistryException GitHubInvalidOption(string option, string value, string expected) => new("MRB1719",
        $"{option} '{ContractErrors.Printable(value)}' is not valid: {expected}.", ErrorKind.Usage);

    public static RegistryException GitHubRefused(string what, int status, string detail) => new("MRB1720",
        $"GitHub refused {what} ({status} {ContractErrors.Printable(detail)}).");

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
