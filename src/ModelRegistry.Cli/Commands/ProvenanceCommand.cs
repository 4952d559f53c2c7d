using System.CommandLine;
using ModelRegistry.Lineage.Provenance;
using ModelRegistry.Lineage.Queries;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>provenance &lt;ref&gt; [--output file] [--as-of t]</c>: the version's in-toto Statement v1 with an SLSA
/// Provenance v1 predicate, on stdout (it is JSON either way) or in a file, ready to sign (cosign attest-blob,
/// actions/attest).</summary>
internal static class ProvenanceCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "FraudDetection@Production, @7, @sha256:…" };
        var file = new Option<string?>("--output", "-o") { Description = "Write the statement to this file instead of stdout." };
        var asOf = CommonOptions.AsOf();
        var command = new Command("provenance", "Export a version's SLSA provenance (an in-toto statement whose subjects are its files).") { reference, file, asOf };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var queries = new LineageQueries(await parse.OpenRegistryAsync(cancellationToken));
            var statement = await queries.ProvenanceAsync(parse.GetValue(reference)!, parse.AsOf(asOf), cancellationToken);
            if (parse.GetValue(file) is { } path)
            {
                try
                {
                    await File.WriteAllTextAsync(path, ProvenanceStatement.ToJson(statement) + "\n", cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw Errors.OutputUnwritable(path, e.Message);
                }

                output.Result(new ProvenanceFileDocument(Path.GetFullPath(path), statement["subject"]!.AsArray().Count), writer => writer.WriteLine($"Wrote {path}."));
                return ExitCode.Success;
            }

            await Console.Out.WriteLineAsync(ProvenanceStatement.ToJson(statement));
            return ExitCode.Success;
        });
        return command;
    }
}
