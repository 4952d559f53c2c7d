using ModelRegistry.GitHub;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelRegistry.Cli.Output;
using ModelRegistry.GitHub.Api;
using ModelRegistry.GitHub.PullRequests;
using ModelRegistry.Metrics;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// <c>gate pull-request --pr N --candidate &lt;ref&gt; [--stage Production] [--threshold rule...]</c>: compares a
/// candidate with the stage's current version in one sticky pull-request comment and sets the
/// <c>model-registry/gate</c> commit status; exit code 3 when a rule fails.
/// </summary>
internal static class GateCommand
{
    public static Command Create()
    {
        var gate = new Command("gate", "Gates that report on GitHub.");
        gate.Subcommands.Add(PullRequest());
        return gate;
    }

    private static Command PullRequest()
    {
        var number = new Option<int>("--pr") { Description = "The pull request number (${{ github.event.pull_request.number }}).", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "The candidate version: FraudDetection@8, @latest, @sha256:….", Required = true };
        var stage = new Option<string>("--stage") { Description = "The stage whose version is the baseline and whose policy thresholds apply.", DefaultValueFactory = _ => "Production" };
        var thresholds = CommonOptions.Thresholds();
        var reportUrl = new Option<string?>("--report-url") { Description = $"The registry's static site (model-registry report): the comment links the versions' pages. Default: ${ReportLink.Variable}." };
        var github = new GitHubOptions();
        var command = new Command("pull-request", "Compare a candidate with the stage's version in one pull-request comment and set the model-registry/gate status.")
        {
            number, candidate, stage, thresholds, reportUrl,
        };
        foreach (var option in github.All)
        {
            command.Options.Add(option);
        }

        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            if (parse.GetValue(number) <= 0)
            {
                throw GitHubErrors.GitHubInvalidOption("--pr", parse.GetValue(number).ToString(System.Globalization.CultureInfo.InvariantCulture), "a pull request number is positive");
            }

            var site = ReportLink.Parse(parse.GetValue(reportUrl) ?? Environment.GetEnvironmentVariable(ReportLink.Variable));
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var api = GitHubApi.Create(github.Settings(parse, "gate pull-request"));
            var report = await new PullRequestGate(api).CheckAsync(registry, new PullRequestGateRequest
            {
                Number = parse.GetValue(number),
                Candidate = parse.GetValue(candidate)!,
                Stage = parse.GetValue(stage)!,
                Thresholds = [.. parse.GetValue(thresholds)!.Select(ThresholdRule.Parse)],
                RunUrl = GitHubOptions.CurrentRunUrl(),
                ReportUrl = site,
            }, cancellationToken);

            var comparison = report.Comparison;
            var document = new GateDocument(report.Number, report.HeadSha, report.Passed, report.StatusState, comparison.Candidate,
                new GateCommentDocument(report.Comment.Id, report.Comment.HtmlUrl, report.Comment.Created))
            {
                Baseline = comparison.Baseline,
                Rows = comparison.Rows,
                Evaluation = comparison.Verdict,
            };
            output.Result(document, writer =>
            {
                writer.WriteLine($"{comparison.Candidate.Model} version {comparison.Candidate.Version} {(report.Passed ? "passes" : "fails")} the {comparison.Stage} gate on #{report.Number} ({report.Comment.HtmlUrl}).");
                TextTable.Write(writer, ["metric", comparison.Stage, "candidate", "delta", "threshold", "verdict"], comparison.Rows.Select(r => new[]
                {
                    r.Metric, VersionText.Number(r.Baseline), VersionText.Number(r.Candidate), VersionText.Number(r.Delta), r.Threshold, r.Verdict,
                }));
            });
            output.Actions.SetOutputs([
                new("verdict", report.Passed ? "pass" : "fail"),
                new("version", comparison.Candidate.Version.ToString(CultureInfo.InvariantCulture)),
                new("digest", comparison.Candidate.Digest),
                new("comment-url", report.Comment.HtmlUrl)]);
            output.Actions.AppendSummary(GateCommentMarkdown.Render(comparison, null));
            if (!report.Passed)
            {
                throw GitHubErrors.GitHubGateNotMet(comparison.Candidate.Model, report.Number, comparison.FailureSummary);
            }

            return ExitCode.Success;
        });
        return command;
    }
}
