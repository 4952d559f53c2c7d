using System.CommandLine;
using System.Globalization;
using ModelRegistry.Cli.Output;
using ModelRegistry.Naming;
using ModelRegistry.Retention;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>gc [--grace 24h] [--apply] [--policy file]</c>: plans retention per model and the files to remove; --apply carries it out.</summary>
internal static class GcCommand
{
    public static Command Create()
    {
        var grace = new Option<string>("--grace") { Description = "Only files older than this: 24h, 90m, 7d (default 24h, at least 1h).", DefaultValueFactory = _ => "24h" };
        var apply = new Option<bool>("--apply") { Description = "Purge and delete; without it gc only shows its plan (dry run)." };
        var policy = new Option<string?>("--policy") { Description = "Plan with the retention policy in this file instead of the registry's (a change under review); plans only." };
        var command = new Command("gc", "Apply the retention policy and remove files nothing kept names (a plan unless --apply).") { grace, apply, policy };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var report = await registry.CollectGarbageAsync(new GcRequest
            {
                Grace = Durations.Parse(parse.GetValue(grace)!),
                Apply = parse.GetValue(apply),
                Policy = parse.GetValue(policy) is { } file ? RetentionFile.Read(file).ToRevision() : null,
                Progress = output.Json || Console.IsErrorRedirected ? null : new Progress<GcProgress>(p => output.Info(Describe(p))),
            }, cancellationToken);
            output.Result(report, writer => Write(writer, report, parse.GetValue(grace)!, parse.GetValue(policy)));
            return ExitCode.Success;
        });
        return command;
    }

    private static string Describe(GcProgress progress) =>
        progress.Total is { } total ? $"gc: {progress.Phase} {progress.Done:N0}/{total:N0}" : $"gc: {progress.Phase} {progress.Done:N0}";

    private static void Write(TextWriter writer, GcReport report, string grace, string? policyFile)
    {
        writer.WriteLine(policyFile is not null ? $"Retention policy in {policyFile} (a plan: 'model-registry retention apply {policyFile}' makes it the registry's)."
            : report.PolicyRevision is { } revision ? $"Retention policy revision {revision}."
            : "No retention policy: every version keeps its files ('model-registry retention set' adds one).");
        foreach (var model in report.Models)
        {
            writer.WriteLine();
            writer.WriteLine($"{model.Model}: {model.Policy}");
            TextTable.Write(writer, ["version", "keeps its files because"], model.Kept.Select(k => new[] { k.Version.ToString(CultureInfo.InvariantCulture), string.Join("; ", k.Rules) }));
            if (model.Purge.Count > 0)
            {
                writer.WriteLine($"  {(report.DryRun ? "Would purge" : "Purged")} version(s) {string.Join(", ", model.Purge.Select(p => p.Version))}"
                    + $"{(model.PurgeRevision is { } purge ? $" in revision {purge}" : "")}: {model.BytesReclaimed:N0} bytes reclaimed (files a kept version shares stay).");
            }

            if (model.AlreadyPurged > 0)
            {
                writer.WriteLine($"  {model.AlreadyPurged} version(s) purged before.");
            }
        }

        writer.WriteLine();
        writer.WriteLine($"{(report.DryRun ? "Would remove" : "Removed")} {report.Unnamed.Count} file(s), {report.Bytes:N0} bytes; kept {report.Kept} younger than {grace}.");
        if (report.Spared > 0)
        {
            writer.WriteLine($"Kept {report.Spared} more that a writer reused or named while gc ran.");
        }

        foreach (var item in report.Unnamed)
        {
            writer.WriteLine($"  {item.Path}  {item.Size} bytes  {item.LastModified:u}");
        }

        if (report.DryRun && (report.Unnamed.Count > 0 || report.Models.Any(m => m.Purge.Count > 0)))
        {
            writer.WriteLine("This was a plan: run again with --apply to carry it out.");
        }
    }
}
