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
            output.Result(new StageChangeDocument(version) { Passed = false, Evaluation = result.Evaluation }, writer =>
            {
                writer.WriteLine($"{version.Model} version {version.Version} was not moved: the gate's metrics did not pass.");
                VersionText.WriteVerdict(writer, result.Evaluation);
            });
            return VerdictReport.Report(output, result.Evaluation);
        }

        if (result.Warning is { } warning)
        {
            output.Warning(warning);
        }

        output.Result(Document(result), writer =>
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

    /// <summary>The document of a move that passed its gate; <paramref name="gitHub"/> is the approval a GitHub gate gave.</summary>
    public static StageChangeDocument Document(PromotionResult result, GitHubApprovalDocument? gitHub = null) => new(result.Version)
    {
        Changed = result.Changed,
        FromStage = result.FromStage,
        Displaced = result.Displaced,
        DisplacedTo = result.DisplacedTo,
        Revision = result.Entry?.Revision,
        Note = result.Note,
        Evaluation = result.Evaluation,
        GitHub = gitHub,
        Signature = result.Signature,
    };
}
