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

    /// <summary>What the revision did; a stage move or a rejection also says who approved and through which gate.</summary>
    private static string Describe(LogEntry entry) =>
        RevisionText.Describe(entry) + (entry.Operation is Operation.Stage or Operation.PromotionRejected ? Approvers(entry) + BreakingSchema(entry) : "");

    private static string BreakingSchema(LogEntry entry) =>
        entry.Evidence?["breakingSchema"]?["reason"] is { } reason ? $" [breaking schema allowed: {reason.GetValue<string>()}]" : "";

    private static string Approvers(LogEntry entry) =>
        entry.Evidence?["approvers"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } approvers
            ? $" by {string.Join(", ", approvers.Select(a => a?.GetValue<string>()))} [{entry.Evidence["kind"]}]"
            : "";
}
