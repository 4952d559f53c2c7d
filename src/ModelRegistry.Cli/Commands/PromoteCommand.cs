using System.CommandLine;
using ModelRegistry.Cli.Output;
using ModelRegistry.Metrics;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// <c>promote &lt;ref&gt; --to &lt;stage&gt; [--reason r] [--approved-by name] [--metrics f --threshold rule...]
/// [--allow-breaking-schema reason]</c>:
/// moves a version to a stage in one commit, behind the stage's policy.
/// </summary>
internal static class PromoteCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "The version to promote: FraudDetection@7, @Staging, @champion, …" };
        var stage = new Option<string>("--to") { Description = "The target stage: Staging, Production, Archived, None.", Required = true };
        var reason = CommonOptions.Reason();
        var metrics = CommonOptions.Metrics();
        var thresholds = CommonOptions.Thresholds();
        var expectCurrent = CommonOptions.ExpectCurrent();
        var signKey = CommonOptions.SignKey();
        var allowBreakingSchema = CommonOptions.AllowBreakingSchema();
        var evidence = new EvidenceOptions();
        var github = new GitHubPromoteOptions();
        var command = new Command("promote", "Move a model version to a stage (gated by the stage's policy).") { reference, stage, reason, metrics, thresholds, expectCurrent, signKey, allowBreakingSchema };
        foreach (var option in evidence.All.Concat(github.All))
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(PromoteRequestCommand.Create());

        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var metricsPath = parse.GetValue(metrics);

            // Read before any gate runs: a key that cannot be read stops the command before anything is committed.
            using var key = CommonOptions.SigningKeyOf(parse, signKey);
            if (github.Requested(parse))
            {
                var local = await evidence.GatherAsync(parse, cancellationToken) is not null || metricsPath is not null || parse.GetValue(thresholds)!.Length > 0;
                return await github.PromoteAsync(parse, output, registry, parse.GetValue(reference)!, parse.GetValue(stage)!, parse.GetValue(reason), parse.GetValue(allowBreakingSchema), CommonOptions.ExpectedHolderOf(parse, expectCurrent), local, key, cancellationToken);
            }

            var result = await registry.PromoteAsync(new PromotionRequest
            {
                Reference = parse.GetValue(reference)!,
                Stage = parse.GetValue(stage)!,
                Reason = parse.GetValue(reason),
                Evidence = await evidence.GatherAsync(parse, cancellationToken),
                Metrics = metricsPath is null ? null : MetricsDocument.Load(metricsPath),
                Thresholds = [.. parse.GetValue(thresholds)!.Select(ThresholdRule.Parse)],
                ExpectCurrent = CommonOptions.ExpectedHolderOf(parse, expectCurrent),
                SignWith = key,
                AllowBreakingSchema = parse.GetValue(allowBreakingSchema),
            }, cancellationToken);
            return StageChangeReport.Write(output, result);
        });
        return command;
    }
}
