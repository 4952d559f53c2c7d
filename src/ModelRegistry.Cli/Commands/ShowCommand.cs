using System.CommandLine;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>show &lt;ref&gt; [--as-of t]</c>: one version with its files, metrics, evaluation and recipe.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "FraudDetection@7, @Production, @champion, @1.2.0, @sha256:…" };
        var asOf = CommonOptions.AsOf();
        var command = new Command("show", "Show one model version.") { reference, asOf };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var version = await registry.ResolveAsync(parse.GetValue(reference)!, parse.AsOf(asOf), cancellationToken);
            var record = await registry.ReadRecordAsync(version.Model, version.Digest, cancellationToken);
            var document = new ShowDocument(version) { Evaluation = record.Evaluation, Recipe = record.Recipe };
            output.Result(document, writer =>
            {
                VersionText.WriteVersion(writer, version);
                if (record.Evaluation is not null)
                {
                    writer.WriteLine("  evaluation at registration:");
                    VersionText.WriteVerdict(writer, record.Evaluation);
                }
            });
            return ExitCode.Success;
        });
        return command;
    }
}
