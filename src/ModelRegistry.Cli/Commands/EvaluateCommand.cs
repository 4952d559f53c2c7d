using System.CommandLine;
using ModelRegistry.Cli.Output;
using ModelRegistry.Metrics;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>evaluate --metrics &lt;file&gt; --threshold &lt;rule&gt;...</c>: checks metrics against gates without registering.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var metrics = CommonOptions.Metrics();
        metrics.Required = true;
        var thresholds = CommonOptions.Thresholds();
        var model = new Option<string?>("--model") { Description = "The model whose stage versions relative rules compare with." };
        var command = new Command("evaluate", "Evaluate a metrics file against threshold rules; exit code 3 when a rule fails.") { metrics, thresholds, model };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var rules = parse.GetValue(thresholds)!.Select(ThresholdRule.Parse).ToList();
            var modelName = parse.GetValue(model);
            if (modelName is null && rules.FirstOrDefault(r => r.BaselineStage is not null) is { } relative)
            {
                throw Errors.RelativeRuleNeedsModel(relative.ToString());
            }

            var document = MetricsDocument.Load(parse.GetValue(metrics)!);
            var registry = modelName is null ? null : await Registry.OpenAsync(parse.GetValue(CommonOptions.Registry), cancellationToken);
            var verdict = registry is null
                ? ThresholdEvaluator.Evaluate(document, rules, _ => null)
                : await registry.EvaluateAsync(modelName, document, rules, cancellationToken);
            output.Result(verdict, writer => VersionText.WriteVerdict(writer, verdict));
            output.Actions.SetOutputs([new("verdict", verdict.Passed ? "pass" : "fail")]);
            output.Actions.AppendSummary("### Model evaluation\n\n" + VerdictReport.Markdown(verdict));
            return VerdictReport.Report(output, verdict);
        });
        return command;
    }
}
