using System.Globalization;
using ModelRegistry.Manifest;
using ModelRegistry.Metrics;
using ModelRegistry.Schemas;

namespace ModelRegistry.Cli.Output;

/// <summary>How a version and a verdict read for people; the --json documents are the contract's records.</summary>
internal static class VersionText
{
    /// <summary>The verdict table for people: one line per rule with actual, bound, margin and result.</summary>
    public static void WriteVerdict(TextWriter writer, Verdict verdict)
    {
        if (verdict.Rules.Count == 0)
        {
            return;
        }

        var rows = verdict.Rules.Select(r => new[]
        {
            r.Rule,
            Number(r.Actual),
            Number(r.Bound),
            Number(r.Margin),
            r.Error is not null ? "ERROR" : r.Passed ? "pass" : "FAIL",
            r.Error ?? r.Note ?? r.Baseline ?? "",
        });
        TextTable.Write(writer, ["rule", "actual", "bound", "margin", "result", "note"], rows);
    }

    public static void WriteVersion(TextWriter writer, VersionInfo version)
    {
        writer.WriteLine($"{version.Model} version {version.Version} ({version.Stage}{(version.Aliases.Count > 0 ? ", " + string.Join(", ", version.Aliases) : "")})");
        writer.WriteLine($"  digest   {version.Digest}");
        if (version.Label is not null)
        {
            writer.WriteLine($"  label    {version.Label}");
        }

        writer.WriteLine($"  created  {version.Created.ToString("u", CultureInfo.InvariantCulture)} by {version.CreatedBy}");
        if (version.PurgedBy is { } purgedBy)
        {
            writer.WriteLine($"  purged   by retention in revision {purgedBy}: the record stays, the files are gone");
        }

        if (version.Description is not null)
        {
            writer.WriteLine($"  about    {version.Description}");
        }

        foreach (var (key, value) in version.Tags)
        {
            writer.WriteLine($"  tag      {key}={value}");
        }

        foreach (var (metric, value) in version.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            writer.WriteLine($"  metric   {metric} = {Number(value)}");
        }

        foreach (var file in version.Files)
        {
            writer.WriteLine($"  file     {TerminalText.OneLine(file.Path)}  {file.Size} bytes  {file.Digest}");
        }

        WriteSchema(writer, version.Schema);
    }

    /// <summary>The schema's origin, then one line per input and output: "  input    features  float [-1, 4]".</summary>
    private static void WriteSchema(TextWriter writer, ModelSchema? schema)
    {
        if (schema is null)
        {
            return;
        }

        var producer = schema.Producer is null ? "" : $", by {schema.Producer} {schema.ProducerVersion}".TrimEnd();
        var opset = schema.OpsetVersion is { } o ? $", opset {o.ToString(CultureInfo.InvariantCulture)}" : "";
        writer.WriteLine($"  schema   {schema.Format}{producer}{opset}");
        foreach (var (side, columns) in new[] { ("input", schema.Inputs), ("output", schema.Outputs) })
        {
            foreach (var column in columns)
            {
                writer.WriteLine($"  {side,-8} {column.Name}  {column.Type} {column.ShapeText}");
            }
        }
    }

    public static string Number(double? value) =>
        value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";
}
