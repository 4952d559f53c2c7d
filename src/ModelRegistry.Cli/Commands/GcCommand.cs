using System.CommandLine;
using System.Globalization;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>gc [--grace 24h] [--apply]</c>: lists (or with --apply removes) files no revision names.</summary>
internal static class GcCommand
{
    public static Command Create()
    {
        var grace = new Option<string>("--grace") { Description = "Only files older than this: 24h, 90m, 7d (default 24h).", DefaultValueFactory = _ => "24h" };
        var apply = new Option<bool>("--apply") { Description = "Delete the files; without it gc only lists them (dry run)." };
        var command = new Command("gc", "Remove files left by interrupted registrations (dry run unless --apply).") { grace, apply };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var report = await registry.CollectGarbageAsync(ParseDuration(parse.GetValue(grace)!), !parse.GetValue(apply), cancellationToken);
            output.Result(report, writer =>
            {
                writer.WriteLine($"{(report.DryRun ? "Would remove" : "Removed")} {report.Unnamed.Count} unnamed file(s), {report.Bytes} bytes; kept {report.Kept} younger than {parse.GetValue(grace)}.");
                foreach (var item in report.Unnamed)
                {
                    writer.WriteLine($"  {item.Path}  {item.Size} bytes  {item.LastModified:u}");
                }
            });
            return ExitCode.Success;
        });
        return command;
    }

    private static TimeSpan ParseDuration(string text)
    {
        var unit = text.Length > 0 ? text[^1] : ' ';
        if (double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            switch (unit)
            {
                case 'd': return TimeSpan.FromDays(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 's': return TimeSpan.FromSeconds(amount);
            }
        }

        throw Errors.Errors.InvalidDuration(text);
    }
}
