using ModelRegistry.GitHub;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelRegistry.Cli.Output;
using ModelRegistry.GitHub.Api;
using ModelRegistry.GitHub.Deployments;
using ModelRegistry.GitHub.PullRequests;
using ModelRegistry.Policies;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// The options that make <c>promote</c> a GitHub-gated promotion: <c>--github-run</c> (an approved environment
/// deployment) or <c>--github-pr</c> (a merged or approved pull request). The gates themselves live in
/// ModelRegistry.GitHub; this class only parses, calls and reports.
/// </summary>
internal sealed class GitHubPromoteOptions
{
    private readonly GitHubOptions connection = new();

    private readonly Option<long?> run = new("--github-run")
    {
        Description = "Promote through the approved GitHub environment of this workflow run (inside the held job: ${{ github.run_id }}).",
    };

    private readonly Option<int?> pullRequest = new("--github-pr")
    {
        Description = "Promote through this pull request: merged, or approved on its head commit by the policy's number of reviewers.",
    };

    private readonly Option<string[]> requiredContexts = new("--github-required-context")
    {
        Description = "A commit status that must be green before the deployment is created (repeatable). Default: none.",
        DefaultValueFactory = _ => [],
    };

    public IEnumerable<Option> All => [run, pullRequest, requiredContexts, .. connection.All];

    public bool Requested(ParseResult parse) => parse.GetValue(run) is not null || parse.GetValue(pullRequest) is not null;

    public async Task<ExitCode> PromoteAsync(ParseResult parse, CommandOutput output, Registry registry, string reference, string stage, string? reason, string? allowBreakingSchema, ExpectedHolder? expectCurrent, bool otherEvidence, Signing.SigningKey? key, CancellationToken cancellationToken, int? rollingBack = null)
    {
        CheckNumbers(parse);
        var runId = parse.GetValue(run);
        var number = parse.GetValue(pullRequest);
        if (runId is not null && number is not null)
        {
            throw GitHubErrors.GitHubInvalidOption("--github-run", runId.Value.ToString(CultureInfo.InvariantCulture), "give --github-run or --github-pr, not both");
        }

        if (otherEvidence)
        {
            throw GitHubErrors.GitHubInvalidOption(runId is not null ? "--github-run" : "--github-pr", "", "GitHub evidence does not combine with --approved-by, --metrics or --threshold; use one gate");
        }

        var api = GitHubApi.Create(connection.Settings(parse, parse.CommandResult.Command.Name));
        if (runId is { } id)
        {
            var result = await new DeploymentApprovalGate(api).PromoteAsync(registry, new DeploymentPromotionRequest
            {
                Reference = reference,
                Stage = stage,
                RunId = id,
                RequiredContexts = parse.GetValue(requiredContexts)!,
                Reason = reason,
                ExpectCurrent = expectCurrent,
                SignWith = key,
                AllowBreakingSchema = allowBreakingSchema,
                RollingBack = rollingBack,
            }, cancellationToken);
            var github = new GitHubApprovalDocument(result.Evidence)
            {
                DeploymentId = result.DeploymentId,
                DeploymentState = result.DeploymentState,
                EnvironmentUrl = result.EnvironmentUrl,
            };
            return Report(output, result.Promotion, result.Evidence, github, [new("deployment-id", result.DeploymentId.ToString(CultureInfo.InvariantCulture))]);
        }

        var promoted = await new PullRequestGate(api).PromoteAsync(registry, new PullRequestPromotionRequest
        {
            Reference = reference,
            Stage = stage,
            Number = number!.Value,
            Reason = reason,
            ExpectCurrent = expectCurrent,
            SignWith = key,
            AllowBreakingSchema = allowBreakingSchema,
            RollingBack = rollingBack,
        }, cancellationToken);
        return Report(output, promoted.Promotion, promoted.Evidence, new GitHubApprovalDocument(promoted.Evidence), []);
    }

    /// <summary>A gated rollback: the previous holder, promoted (and signed with <paramref name="key"/>) through the same gate.</summary>
    public async Task<ExitCode> RollbackAsync(ParseResult parse, CommandOutput output, Registry registry, string model, string? stage, int? from, string? reason, bool otherEvidence, Signing.SigningKey? key, CancellationToken cancellationToken)
    {
        CheckNumbers(parse);
        var plan = await registry.PlanRollbackAsync(model, GateStage(registry, stage), from, cancellationToken);
        if (!plan.Applies)
        {
            // Nothing to roll back: the engine says why (the holder moved, or a rollback already put it back).
            return StageChangeReport.Write(output, await registry.RollbackAsync(model, plan.Stage, null, reason, null, from, cancellationToken: cancellationToken));
        }

        return await PromoteAsync(parse, output, registry, $"{plan.Model}@{plan.To!.Value.ToString(CultureInfo.InvariantCulture)}", plan.Stage,
            reason ?? $"rollback from version {plan.From.ToString(CultureInfo.InvariantCulture)}", null, new ExpectedHolder(plan.From), otherEvidence, key, cancellationToken, rollingBack: plan.From);
    }

    /// <summary>Found before a token is asked for or a request is sent.</summary>
    private void CheckNumbers(ParseResult parse)
    {
        if (parse.GetValue(run) is <= 0 and var runId)
        {
            throw GitHubErrors.GitHubInvalidOption("--github-run", runId.ToString(CultureInfo.InvariantCulture), "a run id is a positive number");
        }

        if (parse.GetValue(pullRequest) is <= 0 and var number)
        {
            throw GitHubErrors.GitHubInvalidOption("--github-pr", number.ToString(CultureInfo.InvariantCulture), "a pull request number is positive");
        }
    }

    private static string GateStage(Registry registry, string? stage) =>
        registry.Settings.Stage(stage ?? Manifest.RegistrySettings.Production);

    private static ExitCode Report(CommandOutput output, PromotionResult result, PromotionEvidence evidence, GitHubApprovalDocument github, KeyValuePair<string, string>[] outputs)
    {
        if (!result.Evaluation.Passed)
        {
            return StageChangeReport.Write(output, result);
        }

        var version = result.Version;
        output.Result(StageChangeReport.Document(result, github), writer =>
        {
            writer.WriteLine(result.Changed
                ? $"{version.Model} version {version.Version}: {result.FromStage} -> {version.Stage}, approved by {string.Join(", ", evidence.Approvers)} ({evidence.Kind})."
                : $"{version.Model} version {version.Version} already is in {version.Stage}; nothing changed.");
            if (result.Displaced is { } displaced)
            {
                writer.WriteLine($"{version.Model} version {displaced}: {version.Stage} -> {result.DisplacedTo}.");
            }
        });
        output.Actions.SetOutputs([
            new("version", version.Version.ToString(CultureInfo.InvariantCulture)),
            new("digest", version.Digest),
            new("stage", version.Stage),
            new("approvers", string.Join(",", evidence.Approvers)),
            .. outputs]);
        output.Actions.AppendSummary(
            $"### {version.Model} version {version.Version} is in {version.Stage}\n\n`{version.Digest}`\n\n" +
            $"Approved by {string.Join(", ", evidence.Approvers.Select(a => $"@{a}"))} through {evidence.Kind}" +
            ((evidence.Details["runUrl"] ?? evidence.Details["url"]) is { } link ? $" ([link]({link}))" : "") + ".\n");
        return ExitCode.Success;
    }
}
