using System.Collections.Specialized;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>What each operation does to the state and answers, with GitHub's rules where the gates depend on them.</summary>
public sealed partial class FakeGitHubServer
{
    /// <summary>The fine-grained permission each operation needs, as GitHub's docs list them.</summary>
    private static readonly Dictionary<string, string[]> Needs = new(StringComparer.Ordinal)
    {
        ["actions/get-workflow-run"] = ["actions:read"],
        ["actions/get-reviews-for-run"] = ["actions:read"],
        ["actions/create-workflow-dispatch"] = ["actions:write"],
        ["actions/review-pending-deployments-for-run"] = ["deployments:write"],
        ["repos/create-deployment"] = ["deployments:write"],
        ["repos/list-deployments"] = ["deployments:read"],
        ["repos/create-deployment-status"] = ["deployments:write"],
        ["repos/create-commit-status"] = ["statuses:write"],
        ["repos/list-commit-statuses-for-ref"] = ["statuses:read"],
        ["pulls/get"] = ["pull-requests:read"],
        ["pulls/list-reviews"] = ["pull-requests:read"],
        ["pulls/create-review"] = ["pull-requests:write"],
        ["pulls/merge"] = ["contents:write"],
        ["issues/list-comments"] = ["issues:read", "pull-requests:read"],
        ["issues/create-comment"] = ["issues:write", "pull-requests:write"],
        ["issues/update-comment"] = ["issues:write", "pull-requests:write"],
    };

    private static bool Permitted(string operationId, FakeToken token) =>
        !Needs.TryGetValue(operationId, out var any) || any.Any(token.May);

    private FakeResponse Handle(FixtureOperation operation, GroupCollection route, FakeToken token, NameValueCollection query, JsonObject body)
    {
        long Long(string name) => long.TryParse(route[name].Value, out var value) ? value : -1;
        int Int(string name) => int.TryParse(route[name].Value, out var value) ? value : -1;
        var notFound = FakeResponse.Error(404, "Not Found", operation.DocsUrl);
        switch (operation.Id)
        {
            case "actions/get-workflow-run":
                return runs.TryGetValue(Long("run_id"), out var run) ? FakeResponse.Json(200, RunJson(run)) : notFound;

            case "actions/get-reviews-for-run":
                return runs.TryGetValue(Long("run_id"), out run)
                    ? FakeResponse.Json(200, new JsonArray([.. run.Approvals.Select(a => (JsonNode)ApprovalJson(a))]))
                    : notFound;

            case "actions/review-pending-deployments-for-run":
                return ReviewPending(operation, Long("run_id"), token, body);

            case "actions/create-workflow-dispatch":
                return Dispatch(operation, route["workflow_id"].Value, token, body);

            case "repos/create-deployment":
                return CreateDeployment(operation, token, body);

            case "repos/list-deployments":
                return FakeResponse.Json(200, new JsonArray([.. deployments.Values
                    .Where(d => Matches(query["sha"], d.Sha) && Matches(query["environment"], d.Environment) && Matches(query["ref"], d.Ref) && Matches(query["task"], d.Task))
                    .OrderByDescending(d => d.Id)
                    .Select(d => (JsonNode)DeploymentJson(d))]));

            case "repos/create-deployment-status":
                if (!deployments.TryGetValue(Long("deployment_id"), out var deployment))
                {
                    return notFound;
                }

                var state = body["state"]?.GetValue<string>() ?? "";
                if (state is not ("error" or "failure" or "inactive" or "in_progress" or "queued" or "pending" or "success"))
                {
                    return FakeResponse.Error(422, "Validation Failed", operation.DocsUrl, [new JsonObject { ["resource"] = "DeploymentStatus", ["field"] = "state", ["code"] = "invalid" }]);
                }

                var status = new FakeDeploymentStatus(NextId(), state, body["description"]?.GetValue<string>() ?? "",
                    body["environment_url"]?.GetValue<string>() ?? "", body["log_url"]?.GetValue<string>() ?? "", token.Login);
                deployment.Statuses.Add(status);
                return FakeResponse.Json(201, DeploymentStatusJson(deployment, status));

            case "repos/create-commit-status":
                var commitState = body["state"]?.GetValue<string>() ?? "";
                if (commitState is not ("error" or "failure" or "pending" or "success"))
                {
                    return FakeResponse.Error(422, "Validation Failed", operation.DocsUrl, [new JsonObject { ["resource"] = "Status", ["field"] = "state", ["code"] = "custom", ["message"] = $"state is not included in the list" }]);
                }

                var commitStatus = new FakeCommitStatus(NextId(), route["sha"].Value, commitState, body["context"]?.GetValue<string>() ?? "default",
                    body["description"]?.GetValue<string>() ?? "", body["target_url"]?.GetValue<string>() ?? "", token.Login);
                statuses.Add(commitStatus);
                return FakeResponse.Json(201, CommitStatusJson(commitStatus));

            case "repos/list-commit-statuses-for-ref":
                return FakeResponse.Json(200, new JsonArray([.. statuses.Where(s => s.Sha == route["ref"].Value).Reverse().Select(s => (JsonNode)CommitStatusJson(s))]));

            case "pulls/get":
                return pulls.TryGetValue(Int("pull_number"), out var pull) ? FakeResponse.Json(200, PullJson(pull)) : notFound;

            case "pulls/list-reviews":
                return pulls.TryGetValue(Int("pull_number"), out pull)
                    ? FakeResponse.Json(200, new JsonArray([.. pull.Reviews.Select(r => (JsonNode)ReviewJson(pull, r))]))
                    : notFound;

            case "pulls/create-review":
                return CreateReview(operation, Int("pull_number"), token, body);

            case "pulls/merge":
                if (!pulls.TryGetValue(Int("pull_number"), out pull))
                {
                    return notFound;
                }

                if (pull.Merged || pull.State != "open")
                {
                    return FakeResponse.Json(405, new JsonObject { ["message"] = "Pull Request is not mergeable" });
                }

                pull.State = "closed";
                pull.Merged = true;
                pull.MergedBy = token.Login;
                pull.MergeCommitSha = NewSha();
                branches[pull.BaseRef] = pull.MergeCommitSha;
                return FakeResponse.Json(200, new JsonObject { ["sha"] = pull.MergeCommitSha, ["merged"] = true, ["message"] = "Pull Request successfully merged" });

            case "issues/list-comments":
                return pulls.ContainsKey(Int("issue_number"))
                    ? FakeResponse.Json(200, new JsonArray([.. comments.Values.Where(c => c.Issue == Int("issue_number")).OrderBy(c => c.Id).Select(c => (JsonNode)CommentJson(c))]))
                    : notFound;

            case "issues/create-comment":
                if (!pulls.ContainsKey(Int("issue_number")))
                {
                    return notFound;
                }

                var comment = new FakeComment { Id = NextId(), Issue = Int("issue_number"), User = token.Login, Body = body["body"]?.GetValue<string>() ?? "" };
                comments[comment.Id] = comment;
                return FakeResponse.Json(201, CommentJson(comment));

            case "issues/update-comment":
                if (!comments.TryGetValue(Long("comment_id"), out comment))
                {
                    return notFound;
                }

                comment.Body = body["body"]?.GetValue<string>() ?? comment.Body;
                comment.Edits++;
                return FakeResponse.Json(200, CommentJson(comment));

            default:
                return FakeResponse.Error(404, "Not Found (the fake does not serve this operation)", operation.DocsUrl);
        }
    }

    private FakeResponse Dispatch(FixtureOperation operation, string workflow, FakeToken token, JsonObject body)
    {
        if (!workflows.TryGetValue(workflow, out var declared))
        {
            return FakeResponse.Error(404, "Not Found", operation.DocsUrl);
        }

        var gitRef = body["ref"]?.GetValue<string>();
        if (gitRef is null || !branches.TryGetValue(gitRef, out var sha))
        {
            return FakeResponse.Error(422, $"No ref found for: {gitRef}", operation.DocsUrl);
        }

        var inputs = body["inputs"] as JsonObject ?? [];
        var unexpected = inputs.Select(i => i.Key).Where(k => !declared.Contains(k)).ToList();
        if (unexpected.Count > 0)
        {
            return FakeResponse.Error(422, $"Unexpected inputs provided: [\"{string.Join("\", \"", unexpected)}\"]", operation.DocsUrl);
        }

        var run = new FakeRun { Id = NextId(), Workflow = workflow, HeadBranch = gitRef, HeadSha = sha, Actor = token.Login, TriggeringActor = token.Login, Inputs = (JsonObject)inputs.DeepClone() };
        runs[run.Id] = run;
        if (body["return_run_details"]?.GetValue<bool>() != true)
        {
            return FakeResponse.NoContent();
        }

        var answer = operation.Example(200).AsObject();
        answer["workflow_run_id"] = run.Id;
        answer["run_url"] = Api($"actions/runs/{run.Id}");
        answer["html_url"] = Html($"actions/runs/{run.Id}");
        return FakeResponse.Json(200, answer);
    }

    /// <summary>Only a required reviewer's own token may review: GITHUB_TOKEN and app tokens get 403. The answer is
    /// an array of deployments, which Octokit 14 cannot read (it expects one object).</summary>
    private FakeResponse ReviewPending(FixtureOperation operation, long runId, FakeToken token, JsonObject body)
    {
        if (token.Installation)
        {
            return FakeResponse.Error(403, "Resource not accessible by integration", operation.DocsUrl);
        }

        if (!runs.TryGetValue(runId, out var run) || run.Status != "waiting")
        {
            return FakeResponse.Error(422, "No pending deployments for this run", operation.DocsUrl);
        }

        var state = body["state"]?.GetValue<string>();
        var environmentIds = body["environment_ids"]?.AsArray().Select(i => i!.GetValue<long>()).ToList() ?? [];
        if (state is not ("approved" or "rejected") || !environmentIds.Contains(environments[run.Environment]))
        {
            return FakeResponse.Error(422, "Validation Failed", operation.DocsUrl);
        }

        run.Approvals.Add(new FakeApproval(token.Login, state, body["comment"]?.GetValue<string>() ?? "", run.Environment));
        if (state == "rejected")
        {
            (run.Status, run.Conclusion) = ("completed", "failure");
            return FakeResponse.Json(200, new JsonArray());
        }

        // Approval starts the job, and Actions records the job's own deployment of the environment.
        run.Status = "in_progress";
        var made = new FakeDeployment { Id = NextId(), Sha = run.HeadSha, Ref = run.HeadBranch, Environment = run.Environment, Creator = "github-actions[bot]", Description = "Actions job", Task = "deploy" };
        deployments[made.Id] = made;
        return FakeResponse.Json(200, new JsonArray(DeploymentJson(made)));
    }

    /// <summary>required_contexts: absent means every context of the commit, [] none; any named context that is not
    /// success gives GitHub's 409 with the contexts listed.</summary>
    private FakeResponse CreateDeployment(FixtureOperation operation, FakeToken token, JsonObject body)
    {
        var gitRef = body["ref"]?.GetValue<string>() ?? "";
        var sha = branches.TryGetValue(gitRef, out var branchSha) ? branchSha : gitRef;
        if (!Regex.IsMatch(sha, "^[0-9a-f]{40}$"))
        {
            return FakeResponse.Error(422, $"No ref found for: {gitRef}", operation.DocsUrl);
        }

        if (body["payload"] is JsonObject payload && payload.Any(p => p.Value is JsonObject or JsonArray))
        {
            // GitHub accepts nested payloads; the fake refuses them because Octokit 14 cannot read them back.
            return FakeResponse.Error(422, "Validation Failed: keep deployment payloads flat", operation.DocsUrl);
        }

        var latest = statuses.Where(s => s.Sha == sha).GroupBy(s => s.Context).Select(g => g.Last()).ToList();
        var required = body["required_contexts"] is JsonArray named ? named.Select(n => n!.GetValue<string>()).ToList() : latest.Select(s => s.Context).ToList();
        var failing = required.Select(c => (context: c, state: latest.FirstOrDefault(s => s.Context == c)?.State ?? "missing")).Where(c => c.state != "success").ToList();
        if (failing.Count > 0)
        {
            return FakeResponse.Error(409, $"Conflict: Commit status checks failed for {gitRef}.", operation.DocsUrl,
            [
                new JsonObject
                {
                    ["contexts"] = new JsonArray([.. required.Select(c => (JsonNode)new JsonObject { ["context"] = c, ["state"] = latest.FirstOrDefault(s => s.Context == c)?.State ?? "missing" })]),
                    ["resource"] = "Deployment",
                    ["field"] = "required_contexts",
                    ["code"] = "invalid",
                },
            ]);
        }

        var deployment = new FakeDeployment
        {
            Id = NextId(),
            Sha = sha,
            Ref = gitRef,
            Environment = body["environment"]?.GetValue<string>() ?? "production",
            Creator = token.Login,
            Task = body["task"]?.GetValue<string>() ?? "deploy",
            Description = body["description"]?.GetValue<string>() ?? "",
            Production = body["production_environment"]?.GetValue<bool>() ?? false,
            Payload = body["payload"] as JsonObject is { } flat ? (JsonObject)flat.DeepClone() : [],
        };
        deployments[deployment.Id] = deployment;
        return FakeResponse.Json(201, DeploymentJson(deployment));
    }

    private FakeResponse CreateReview(FixtureOperation operation, int number, FakeToken token, JsonObject body)
    {
        if (!pulls.TryGetValue(number, out var pull))
        {
            return FakeResponse.Error(404, "Not Found", operation.DocsUrl);
        }

        var state = body["event"]?.GetValue<string>() switch
        {
            "APPROVE" => "APPROVED",
            "REQUEST_CHANGES" => "CHANGES_REQUESTED",
            "COMMENT" => "COMMENTED",
            _ => "PENDING",
        };
        if (state is "APPROVED" or "CHANGES_REQUESTED" && pull.Author.Equals(token.Login, StringComparison.OrdinalIgnoreCase))
        {
            return FakeResponse.Error(422, "Unprocessable Entity: Can not approve your own pull request", operation.DocsUrl);
        }

        var review = new FakeReview(NextId(), token.Login, state, body["commit_id"]?.GetValue<string>() ?? pull.HeadSha, body["body"]?.GetValue<string>() ?? "", DateTimeOffset.UtcNow);
        pull.Reviews.Add(review);
        return FakeResponse.Json(200, ReviewJson(pull, review));
    }

    private static bool Matches(string? filter, string value) => string.IsNullOrEmpty(filter) || filter.Equals(value, StringComparison.OrdinalIgnoreCase);
}
