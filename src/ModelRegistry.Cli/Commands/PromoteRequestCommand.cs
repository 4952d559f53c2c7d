using System.CommandLine;
using System.Globalization;
using ModelRegistry.Cli.Output;
using ModelRegistry.GitHub.Api;
using ModelRegistry.GitHub.Deployments;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// <c>promote request &lt;ref&gt; --to &lt;stage&gt; [--workflow file] [--ref branch] [--allow-breaking-schema reason]</c>: asks for a promotion that a
/// GitHub environment's reviewers approve. Dispatches the promotion workflow with the exact model and version, and
/// records the pending request in the model's history.
/// </summary>
internal static class PromoteRequestCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "The version to promote: FraudDetection@7, @Staging, … (dispatched as its exact number)." };
        var stage = new Option<string>("--to") { Description = "The target stage, usually Production.", Required = true };
        var workflow = new Option<string>("--workflow")
        {
            Description = "The promotion workflow's file name under .github/workflows.",
            DefaultValueFactory = _ => PromotionDispatchRequest.DefaultWorkflow,
        };
        var gitRef = new Option<string?>("--ref") { Description = "The branch or tag whose workflow runs. Default: the current branch in GitHub Actions, else main." };
        var reason = CommonOptions.Reason();
        var allowBreakingSchema = CommonOptions.AllowBreakingSchema();
        var github = new GitHubOptions();
        var command = new Command("request", "Ask for a gated promotion: dispatch the promotion workflow, which waits for the environment's reviewers.")
        {
            reference, stage, workflow, gitRef, reason, allowBreakingSchema,
        };
        foreach (var option in github.All)
        {
            command.Options.Add(option);
        }

        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var api = GitHubApi.Create(github.Settings(parse, "promote request"));
            var dispatch = await new PromotionDispatcher(api).RequestAsync(registry, new PromotionDispatchRequest
            {
                Reference = parse.GetValue(reference)!,
                Stage = parse.GetValue(stage)!,
                Workflow = parse.GetValue(workflow)!,
                GitRef = parse.GetValue(gitRef) ?? DefaultRef(),
                Reason = parse.GetValue(reason),
                AllowBreakingSchema = parse.GetValue(allowBreakingSchema),
            }, cancellationToken);

            var version = dispatch.Version;
            var document = new PromotionRequestDocument(version, dispatch.Stage, dispatch.WorkflowUrl)
            {
                Revision = dispatch.Requested.Revision,
                RunId = dispatch.RunId,
                RunUrl = dispatch.RunUrl,
            };
            output.Result(document, writer =>
            {
                writer.WriteLine($"Requested {version.Model} version {version.Version} -> {dispatch.Stage}; the promotion waits for the environment's reviewers.");
                writer.WriteLine($"  run  {dispatch.RunUrl ?? dispatch.WorkflowUrl}");
            });
            output.Actions.SetOutputs([
                new("version", version.Version.ToString(CultureInfo.InvariantCulture)),
                new("digest", version.Digest),
                new("run-id", dispatch.RunId?.ToString(CultureInfo.InvariantCulture) ?? ""),
                new("run-url", dispatch.RunUrl ?? dispatch.WorkflowUrl)]);
            output.Actions.AppendSummary($"### Promotion of {version.Model} version {version.Version} to {dispatch.Stage} requested\n\nWaiting for approval: {dispatch.RunUrl ?? dispatch.WorkflowUrl}\n");
            return ExitCode.Success;
        });
        return command;
    }

    /// <summary>A pull request's ref (refs/pull/7/merge) cannot be dispatched; a branch or tag can.</summary>
    private static string DefaultRef()
    {
        var fullRef = Environment.GetEnvironmentVariable("GITHUB_REF") ?? "";
        var name = Environment.GetEnvironmentVariable("GITHUB_REF_NAME");
        return (fullRef.StartsWith("refs/heads/", StringComparison.Ordinal) || fullRef.StartsWith("refs/tags/", StringComparison.Ordinal)) && name is { Length: > 0 }
            ? name
            : "main";
    }
}
