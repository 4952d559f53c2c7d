using System.CommandLine;
using System.Globalization;
using ModelRegistry.Cli.Output;
using ModelRegistry.Manifest;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>history &lt;model&gt; [--as-of t]</c>: every revision: who, when, what, why, with which evidence.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The model name." };
        var asOf = CommonOptions.AsOf();
        var command = new Command("history", "Show a model's history of registrations, stage changes and aliases.") { model, asOf };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var entries = await registry.HistoryAsync(parse.GetValue(model)!, parse.AsOf(asOf), cancellationToken);
            output.Result(new HistoryDocument(entries.Count > 0 ? entries[0].Model : parse.GetValue(model)!, entries), writer =>
                TextTable.Write(writer, ["rev", "time", "actor", "change", "reason"], entries.Select(e => new[]
                {
                    e.Revision.ToString(CultureInfo.InvariantCulture),
                    e.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    e.Actor,
                    Describe(e),
                    e.Reason ?? "",
                })));
            return ExitCode.Success;
        });
        return command;
    }

    private static string Describe(LogEntry entry) => entry.Operation switch
    {
        Operation.Register => $"registered version {entry.Version}{(entry.Label is null ? "" : $" ({entry.Label})")}",
        Operation.Stage => $"version {entry.Version}: {entry.FromStage} -> {entry.Stage}{(entry.Displaced is { } d ? $" (version {d} -> {entry.DisplacedTo})" : "")}{Approvers(entry)}",
        Operation.AliasSet => $"alias {entry.Alias} -> version {entry.Version}",
        Operation.AliasRemove => $"alias {entry.Alias} removed (was version {entry.Version})",
        Operation.PromotionRequested => $"promotion of version {entry.Version} to {entry.Stage} requested",
        Operation.PromotionRejected => $"promotion of version {entry.Version} to {entry.Stage} rejected{Approvers(entry)}",
        Operation.Purge => $"purged the files of version(s) {string.Join(", ", entry.Versions ?? [])} (retention policy revision {entry.PolicyRevision})",
        Operation.Restore => $"restored the files of version {entry.Version}",
        _ => entry.Operation.ToString(),
    };

    private static string Approvers(LogEntry entry) =>
        entry.Evidence?["approvers"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } approvers
            ? $" by {string.Join(", ", approvers.Select(a => a?.GetValue<string>()))} [{entry.Evidence["kind"]}]"
            : "";
}
