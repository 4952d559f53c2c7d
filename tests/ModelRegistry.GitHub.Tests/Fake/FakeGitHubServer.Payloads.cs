using System.Text.Json.Nodes;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>Answers built from the fixtures' example payloads with this fake's ids, names and links substituted, so
/// every field a client might read has GitHub's shape and every id agrees with the others.</summary>
public sealed partial class FakeGitHubServer
{
    private string Api(string relative) => new Uri(ApiUrl, $"repos/{Owner}/{Repo}/{relative}").ToString();

    private string Html(string relative) => new Uri(ServerUrl, $"{Owner}/{Repo}/{relative}").ToString();

    private JsonObject UserJson(string login)
    {
        var user = FixtureCatalog.Get("actions/get-reviews-for-run").Example(200)[0]!["user"]!.AsObject();
        user["login"] = login;
        user["id"] = UserId(login);
        user["url"] = new Uri(ApiUrl, $"users/{login}").ToString();
        user["html_url"] = new Uri(ServerUrl, login).ToString();
        user["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User";
        return user.DeepClone().AsObject();
    }

    private JsonObject RunJson(FakeRun run)
    {
        var json = FixtureCatalog.Get("actions/get-workflow-run").Example(200).AsObject();
        json["id"] = run.Id;
        json["name"] = "Promote model";
        json["head_branch"] = run.HeadBranch;
        json["head_sha"] = run.HeadSha;
        json["path"] = $".github/workflows/{run.Workflow}";
        json["event"] = run.Event;
        json["display_title"] = $"Promote {run.Inputs["model"]?.GetValue<string>()} version {run.Inputs["version"]?.GetValue<string>()}";
        json["status"] = run.Status;
        json["conclusion"] = run.Conclusion;
        json["run_attempt"] = run.Attempt;
        json["url"] = Api($"actions/runs/{run.Id}");
        json["html_url"] = Html($"actions/runs/{run.Id}");
        json["actor"] = UserJson(run.Actor);
        json["triggering_actor"] = UserJson(run.TriggeringActor);
        json["head_commit"]!["id"] = run.HeadSha;
        return json;
    }

    private JsonObject ApprovalJson(FakeApproval approval)
    {
        var json = FixtureCatalog.Get("actions/get-reviews-for-run").Example(200)[0]!.AsObject();
        json["state"] = approval.State;
        json["comment"] = approval.Comment;
        json["user"] = UserJson(approval.User);
        var environment = json["environments"]![0]!.AsObject();
        environment["id"] = environments[approval.Environment];
        environment["name"] = approval.Environment;
        environment["url"] = Api($"environments/{approval.Environment}");
        environment["html_url"] = Html($"deployments/activity_log?environments_filter={approval.Environment}");
        return json.DeepClone().AsObject();
    }

    private JsonObject DeploymentJson(FakeDeployment deployment)
    {
        var json = FixtureCatalog.Get("repos/create-deployment").Example(201).AsObject();
        json["url"] = Api($"deployments/{deployment.Id}");
        json["id"] = deployment.Id;
        json["sha"] = deployment.Sha;
        json["ref"] = deployment.Ref;
        json["task"] = deployment.Task;
        json["payload"] = deployment.Payload.DeepClone();
        json["original_environment"] = deployment.Environment;
        json["environment"] = deployment.Environment;
        json["description"] = deployment.Description;
        json["creator"] = UserJson(deployment.Creator);
        json["statuses_url"] = Api($"deployments/{deployment.Id}/statuses");
        json["repository_url"] = Api("").TrimEnd('/');
        json["production_environment"] = deployment.Production;
        return json;
    }

    private JsonObject DeploymentStatusJson(FakeDeployment deployment, FakeDeploymentStatus status)
    {
        var json = FixtureCatalog.Get("repos/create-deployment-status").Example(201).AsObject();
        json["url"] = Api($"deployments/{deployment.Id}/statuses/{status.Id}");
        json["id"] = status.Id;
        json["state"] = status.State;
        json["creator"] = UserJson(status.Creator);
        json["description"] = status.Description;
        json["environment"] = deployment.Environment;
        json["target_url"] = status.LogUrl;
        json["log_url"] = status.LogUrl;
        json["environment_url"] = status.EnvironmentUrl;
        json["deployment_url"] = Api($"deployments/{deployment.Id}");
        json["repository_url"] = Api("").TrimEnd('/');
        return json;
    }

    private JsonObject CommitStatusJson(FakeCommitStatus status)
    {
        var json = FixtureCatalog.Get("repos/create-commit-status").Example(201).AsObject();
        json["url"] = Api($"statuses/{status.Sha}");
        json["id"] = status.Id;
        json["state"] = status.State;
        json["description"] = status.Description;
        json["target_url"] = status.TargetUrl;
        json["context"] = status.Context;
        json["creator"] = UserJson(status.Creator);
        return json;
    }

    private JsonObject PullJson(FakePullRequest pull)
    {
        var json = FixtureCatalog.Get("pulls/get").Example(200).AsObject();
        json["url"] = Api($"pulls/{pull.Number}");
        json["id"] = 1_000_000 + pull.Number;
        json["html_url"] = Html($"pull/{pull.Number}");
        json["number"] = pull.Number;
        json["state"] = pull.State;
        json["title"] = pull.Title;
        json["user"] = UserJson(pull.Author);
        json["merged"] = pull.Merged;
        json["merged_by"] = pull.MergedBy is null ? null : UserJson(pull.MergedBy);
        json["merge_commit_sha"] = pull.MergeCommitSha;
        json["merged_at"] = pull.Merged ? "2026-11-28T10:00:00Z" : null;
        json["head"]!["ref"] = pull.HeadRef;
        json["head"]!["sha"] = pull.HeadSha;
        json["head"]!["label"] = $"{Owner}:{pull.HeadRef}";
        json["base"]!["ref"] = pull.BaseRef;
        json["base"]!["sha"] = branches[pull.BaseRef];
        return json;
    }

    private JsonObject ReviewJson(FakePullRequest pull, FakeReview review)
    {
        var json = FixtureCatalog.Get("pulls/list-reviews").Example(200)[0]!.AsObject();
        json["id"] = review.Id;
        json["user"] = UserJson(review.User);
        json["body"] = review.Body;
        json["state"] = review.State;
        json["commit_id"] = review.CommitId;
        json["submitted_at"] = review.SubmittedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        json["html_url"] = Html($"pull/{pull.Number}#pullrequestreview-{review.Id}");
        json["pull_request_url"] = Api($"pulls/{pull.Number}");
        return json.DeepClone().AsObject();
    }

    private JsonObject CommentJson(FakeComment comment)
    {
        var json = FixtureCatalog.Get("issues/create-comment").Example(201).AsObject();
        json["id"] = comment.Id;
        json["url"] = Api($"issues/comments/{comment.Id}");
        json["html_url"] = Html($"pull/{comment.Issue}#issuecomment-{comment.Id}");
        json["issue_url"] = Api($"issues/{comment.Issue}");
        json["body"] = comment.Body;
        json["user"] = UserJson(comment.User);
        return json;
    }
}
