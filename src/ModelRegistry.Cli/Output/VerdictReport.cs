using ModelRegistry.Metrics;

namespace ModelRegistry.Cli.Output;

/// <summary>Reports a failed verdict the way builds read it: one coded error per failed rule.</summary>
internal static class VerdictReport
{
    /// <summary>Prints the failures and returns the exit code: success, gate not met, or failure when a rule could not be evaluated.</summary>
    public static ExitCode Report(CommandOutput output, Verdict verdict)
    {
        foreach (var rule in verdict.Rules.Where(r => !r.Passed))
        {
            if (rule.Error is not null)
            {
                var code = rule.Error["error ".Length..rule.Error.IndexOf(':', StringComparison.Ordinal)];
                output.Error(code, rule.Error[(rule.Error.IndexOf(':', StringComparison.Ordinal) + 2)..]);
            }
            else
            {
                var error = Errors.ThresholdNotMet(rule.Rule, rule.Actual!.Value, rule.Bound!.Value, rule.Margin!.Value);
                output.Error(error.Code, error.Message);
            }
        }

        return verdict.Passed ? ExitCode.Success : verdict.HasErrors ? ExitCode.Failure : ExitCode.GateNotMet;
    }

    public static string Markdown(Verdict verdict)
    {
        var lines = new List<string> { "| rule | actual | bound | margin | result |", "| --- | --- | --- | --- | --- |" };
        lines.AddRange(verdict.Rules.Select(r =>
            $"| `{r.Rule}` | {VersionText.Number(r.Actual)} | {VersionText.Number(r.Bound)} | {VersionText.Number(r.Margin)} | {(r.Error is not null ? "error" : r.Passed ? "pass" : "**fail**")} |"));
        return string.Join('\n', lines) + "\n";
    }
}
