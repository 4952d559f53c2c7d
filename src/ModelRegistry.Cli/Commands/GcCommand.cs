using System.CommandLine;
using System.Globalization;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>gc [--grace 24h] [--apply]</c>: lists (or with --apply removes) files no revision names.</summary>
internal static class GcCommand
{
    public static Command Create()
    {
        var grace = new Option<string>("--grace") { Description = "Only files older than this: 24h, 90m, 7d (default 24h, at least 1h).", DefaultValueFactory = _ => "24h" };
        var apply = new Option<bool>("--apply") { Description = "Delete the files; without it gc only lists them (dry run)." };
        var command = new Command("gc", "Remove files left by interrupted registrations (dry run unless --apply).") { grace, apply };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var report = await registry.CollectGarbageAsync(ParseDuration(parse.GetValue(grace)!), !parse.GetValue(apply), cancellationToken);
            output.Result(report, writer =>
            {
                writer.WriteLine($"{(report.DryRun ? "Would remove" : "Removed")} {report.Unnamed.Count} unnamed file(s), {report.Bytes} bytes; kept {report.Kept} younger than {parse.GetValue(grace)}.");
                if (report.Spared > 0)
                {
                    writer.WriteLine($"Kept {report.Spared} more that a writer reused or named while gc ran.");
                }

                foreach (var item in report.Unnamed)
                {
                    writer.WriteLine($"  {item.Path}  {item.Size} bytes  {item.LastModified:u}");
                }
            });
            return ExitCode.Success;
        });
        return command;
    }

    /// <summary>Grace periods beyond a century only overflow the cutoff time; nothing is that old.</summary>
    private const double MaxDays = 36500;

    private static TimeSpan ParseDuration(string text)
    {
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && double.IsFinite(amount))
        {
            var days = text[^1] switch
            {
                'd' => amount,
                'h' => amount / 24,
                'm' => amount / (24 * 60),
                's' => amount / (24 * 60 * 60),
                _ => double.NaN,
            };
            if (days <= MaxDays)
            {
                return TimeSpan.FromDays(days);
            }
        }

        throw Errors.Errors.InvalidDuration(text);
    }
}
