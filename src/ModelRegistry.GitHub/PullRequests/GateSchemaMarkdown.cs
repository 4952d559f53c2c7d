using System.Globalization;
using System.Text;
using ModelRegistry.Schemas;

namespace ModelRegistry.GitHub.PullRequests;

/// <summary>
/// The schema part of the gate comment: the candidate's inputs and outputs, its differences from the stage holder's
/// (breaking ones marked), and whether the stage policy's requireCompatibleSchema would refuse the promotion.
/// </summary>
internal static class GateSchemaMarkdown
{
    public static void Append(StringBuilder text, GateComparison comparison)
    {
        var candidate = comparison.Candidate;
        var baseline = comparison.Baseline;
        if (candidate.Schema is null && baseline?.Schema is null)
        {
            text.AppendLine(baseline is null ? "No schema: the candidate records none." : "No schema: neither version records one.");
            text.AppendLine();
            return;
        }

        text.AppendLine("#### Schema");
        text.AppendLine();
        if (candidate.Schema is { } schema)
        {
            text.AppendLine("| Candidate | Name | Type | Shape |");
            text.AppendLine("| --- | --- | --- | --- |");
            foreach (var (side, columns) in new[] { ("input", schema.Inputs), ("output", schema.Outputs) })
            {
                foreach (var column in columns)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {side} | {GateCommentMarkdown.Escape(column.Name)} | {GateCommentMarkdown.Escape(column.Type)} | {column.ShapeText} |");
                }
            }

            text.AppendLine();
        }

        if (baseline is null)
        {
            return;
        }

        var holder = $"{comparison.Stage} version {baseline.Version.ToString(CultureInfo.InvariantCulture)}";
        if (comparison.SchemaDifferences.Count == 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Same schema as {holder}.");
            text.AppendLine();
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Differences from {holder}:");
        text.AppendLine();
        foreach (var difference in comparison.SchemaDifferences)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {(difference.Breaking ? "❗ **breaking**: " : "compatible: ")}{GateCommentMarkdown.Escape(SchemaCompatibility.Describe(difference))}");
        }

        text.AppendLine();
        if (comparison.SchemaBlocks)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"⛔ The {comparison.Stage} policy sets `requireCompatibleSchema`: promoting this version is refused (MRB2104) unless the promotion gives a reason with `--allow-breaking-schema \"<reason>\"`, which is recorded.");
        }
        else if (comparison.SchemaDifferences.Any(d => d.Breaking) && comparison.RequireCompatibleSchema)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"The {comparison.Stage} policy sets `requireCompatibleSchema`, but this version held {comparison.Stage} before the current one: a rollback puts back what consumers ran before, so these differences do not block the promotion.");
        }
        else if (comparison.SchemaDifferences.Any(d => d.Breaking))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"The {comparison.Stage} policy does not set `requireCompatibleSchema`: these differences do not block the promotion.");
        }
        else
        {
            text.AppendLine("No difference breaks a consumer of the current version.");
        }

        text.AppendLine();
    }
}
