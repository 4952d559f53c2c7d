using System.CommandLine;
using ModelRegistry.Cli.Output;
using ModelRegistry.Lineage.Queries;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>diff &lt;ref&gt; &lt;ref&gt; [--as-of t]</c>: what changed between two versions' recipes, metrics and files.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var left = new Argument<string>("left") { Description = "The earlier version, for example FraudDetection@Production." };
        var right = new Argument<string>("right") { Description = "The later version, for example FraudDetection@latest." };
        var asOf = CommonOptions.AsOf();
        var command = new Command("diff", "Show what differs between two versions: recipe fields, metrics and files.") { left, right, asOf };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var queries = new LineageQueries(await parse.OpenRegistryAsync(cancellationToken));
            var diff = await queries.DiffAsync(parse.GetValue(left)!, parse.GetValue(right)!, parse.AsOf(asOf), cancellationToken);
            output.Result(diff, writer => LineageText.WriteDiff(writer, diff));
            return ExitCode.Success;
        });
        return command;
    }
}
