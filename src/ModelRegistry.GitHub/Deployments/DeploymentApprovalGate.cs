using System.Globalization;
using System.Text.Json.Nodes;
using ModelRegistry.GitHub.Api;
using ModelRegistry.Manifest;
using ModelRegistry.Policies;
using Octokit;

namespace ModelRegistry.GitHub.Deployments;

/// <summary>
/// The promotion that runs inside a job GitHub held for an environment's required reviewers. It reads the run's
/// approvals through the API (a job that merely claims to be approved proves nothing), refuses and records a
/// rejection, refuses a self-approval when the policy wants a distinct approver, then creates the GitHub deployment
/// (which applies the required status contexts), moves the pointer with the evidence, marks the deployment a
/// success, and signs the move when given a key. The deployment comes first so a 409 from required contexts leaves the
/// registry untouched.
/// </summary>
public sealed class DeploymentApprovalGate(GitHubApi api)
{
    public async Task<DeploymentPromotion> PromoteAsync(Registry registry, DeploymentPromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(request);
        var stage = GateKinds.Stage(registry, request.Stage);
        var policy = registry.Settings.PolicyFor(stage);
        var version = await registry.ResolveAsync(request.Reference, cancellationToken: cancellationToken);
        GateKinds.EnsureAccepted(policy, version.Model, stage, StagePolicy.GitHubDeployment);
        var exact = GateKinds.Exact(version);
        var environment = string.IsNullOrWhiteSpace(request.Environment) ? stage.ToLowerInvariant() : request.Environment;

        var approvals = await RunApprovals.ReadAsync(api, request.RunId, environment, cancellationToken);
        var runUrl = approvals.Run.HtmlUrl ?? api.Settings.RunUrl(request.RunId);
        var evidence = Evidence(approvals, runUrl);

        if (approvals.Rejection is { } rejection)
        {
            await registry.RecordPromotionEventAsync(exact, stage, Operation.PromotionRejected, evidence with { Approvers = [] },
                $"rejected by {rejection.User} on GitHub" + (rejection.Comment.Length > 0 ? $": {rejection.Comment}" : ""), request.Actor, cancellationToken);
            throw GitHubErrors.DeploymentRejected(version.Model, stage, rejection.User, rejection.Comment);
        }

        if (evidence.Approvers.Count == 0)
        {
            throw GitHubErrors.DeploymentNotApproved(version.Model, stage, request.RunId, environment);
        }

        if (policy.DistinctApprover && evidence.Approvers.All(a => a.Equals(approvals.Requester, StringComparison.OrdinalIgnoreCase)))
        {
            await registry.RecordPromotionEventAsync(exact, stage, Operation.PromotionRejected, evidence,
                $"self-approval by {approvals.Requester} refused by the stage policy", request.Actor, cancellationToken);
            throw GitHubErrors.SelfApprovalRefused(version.Model, stage, approvals.Requester);
        }

        // Only the job that is running can spend its approval; a finished run's approval is not a ticket for later.
        var status = approvals.Run.Status.StringValue;
        if (!string.Equals(status, "in_progress", StringComparison.OrdinalIgnoreCase))
        {
            throw GitHubErrors.RunNotInProgress(request.RunId, status);
        }

        var publisher = new DeploymentPublisher(api);
        var deployment = await publisher.CreateAsync(version, stage, environment, approvals.Run.HeadSha, request.RequiredContexts, cancellationToken);
        evidence.Details["deploymentId"] = deployment.Id;
        var environmentUrl = string.IsNullOrWhiteSpace(request.EnvironmentUrl) ? runUrl : request.EnvironmentUrl;

        PromotionResult promotion;
        try
        {
            promotion = await registry.PromoteAsync(new PromotionRequest
            {
                Reference = exact,
                Stage = stage,
                Reason = request.Reason ?? $"approved on GitHub by {string.Join(", ", evidence.Approvers)}",
                Evidence = evidence,
                Actor = request.Actor,
                ExpectCurrent = request.ExpectCurrent,
                AllowBreakingSchema = request.AllowBreakingSchema,
                RollingBack = request.RollingBack,
            }, cancellationToken);
        }
        catch (RegistryException e)
        {
            await publisher.SetStatusAsync(deployment.Id, DeploymentState.Failure, environment, api.Redact(e.Canonical), environmentUrl, runUrl, cancellationToken);
            throw;
        }

        var state = promotion.Evaluation.Passed ? DeploymentState.Success : DeploymentState.Failure;
        var description = !promotion.Evaluation.Passed ? $"{exact} did not pass the {stage} thresholds"
            : promotion.Changed ? $"{exact} promoted to {stage}"
            : $"{exact} already was in {stage}";
        await publisher.SetStatusAsync(deployment.Id, state, environment, description, environmentUrl, runUrl, cancellationToken);

        // Signed once the deployment says what happened: a signing failure after the commit leaves the move standing,
        // unsigned (a trust policy refuses it until `sign --stage-move` adds the signature), never a failed deployment
        // for a version the registry did move.
        promotion = await registry.SignPromotionAsync(promotion, request.SignWith, cancellationToken);
        return new DeploymentPromotion(promotion, evidence, deployment.Id, state.ToString().ToLowerInvariant(), environmentUrl);
    }

    private PromotionEvidence Evidence(RunApprovals approvals, string runUrl)
    {
        var run = approvals.Run;
        var comments = new JsonArray([.. approvals.Reviews.Select(r => (JsonNode)new JsonObject
        {
            ["user"] = r.User,
            ["state"] = r.State,
            ["comment"] = r.Comment,
        })]);
        return new PromotionEvidence
        {
            Kind = StagePolicy.GitHubDeployment,
            Approvers = approvals.Approvers,
            Requester = approvals.Requester.Length > 0 ? approvals.Requester : null,
            Details = new JsonObject
            {
                ["repository"] = api.Repository.ToString(),
                ["environment"] = approvals.Environment,
                ["runId"] = run.Id,
                ["runAttempt"] = run.RunAttempt,
                ["runUrl"] = runUrl,
                ["workflow"] = run.Path,
                ["event"] = run.Event,
                ["commit"] = run.HeadSha,
                ["ref"] = run.HeadBranch,
                ["reviews"] = comments,
                ["verifiedAt"] = api.Retry.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            },
        };
    }
}
