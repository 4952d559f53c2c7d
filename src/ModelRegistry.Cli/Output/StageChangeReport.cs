using System.Globalization;

namespace ModelRegistry.Cli.Output;

/// <summary>How promote, archive and rollback report a stage change.</summary>
internal static class StageChangeReport
{
    public static ExitCode Write(CommandOutput output, PromotionResult result)
    {
        var version = result.Version;
        if (!result.Evaluation.Passed)
        {
            output.Result(Documents.Version(version).With("changed", false).With("passed", false).With("evaluation", Documents.Node(result.Evaluation)), writer =>
            {
                writer.WriteLine($"{version.Model} version {version.Version} was not moved: the gate's metrics did not pass.");
                Documents.WriteVerdict(writer, result.Evaluation);
            });
            return VerdictReport.Report(output, result.Evaluation);
        }

        if (result.Warning is { } warning)
        {
            output.Warning(warning);
        }

        var document = Documents.Version(version)
            .With("changed", result.Changed)
            .With("fromStage", result.FromStage)
            .With("displaced", result.Displaced)
            .With("displacedTo", result.DisplacedTo)
            .With("revision", result.Entry?.Revision)
            .With("note", result.Note)
            .With("evaluation", Documents.Node(result.Evaluation));
        output.Result(document, writer =>
        {
            writer.WriteLine(result.Changed
                ? $"{version.Model} version {version.Version}: {result.FromStage} -> {version.Stage}."
                : result.Note ?? $"{version.Model} version {version.Version} already is in {version.Stage}; nothing changed.");
            if (result.Displaced is { } displaced)
            {
                writer.WriteLine($"{version.Model} version {displaced}: {version.Stage} -> {result.DisplacedTo}.");
            }
        });
        output.Actions.SetOutputs([new("version", version.Version.ToString(CultureInfo.InvariantCulture)), new("digest", version.Digest), new("stage", version.Stage)]);
        output.Actions.AppendSummary($"### {version.Model} version {version.Version} is in {version.Stage}\n\n`{version.Digest}`\n");
        return ExitCode.Success;
    }
}
