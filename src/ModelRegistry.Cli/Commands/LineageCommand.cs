using ModelRegistry.Lineage;
using System.CommandLine;
using ModelRegistry.Cli.Output;
using ModelRegistry.Lineage.Queries;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// <c>lineage &lt;ref&gt; [--as-of t]</c>: the whole recipe of a version. <c>lineage --dataset &lt;path, URI or
/// digest&gt; [--model m] [--as-of t]</c>: every version trained on that data, and which held Production now or then.
/// </summary>
internal static class LineageCommand
{
    public static Command Create()
    {
        var reference = new Argument<string?>("reference") { Description = "FraudDetection@Production, @7, @champion, …", Arity = ArgumentArity.ZeroOrOne };
        var dataset = new Option<string?>("--dataset") { Description = "A data file or folder (hashed now), a URI, or a sha256:/md5: digest." };
        var model = new Option<string?>("--model") { Description = "With --dataset: look in this model only (needed for --as-of <revision>)." };
        var asOf = CommonOptions.AsOf();
        var command = new Command("lineage", "Show how a version was made, or which versions were trained on a dataset.") { reference, dataset, model, asOf };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var (named, data) = (parse.GetValue(reference), parse.GetValue(dataset));
            if ((named is null) == (data is null))
            {
                throw LineageErrors.LineageQueryAmbiguous();
            }

            var queries = new LineageQueries(await parse.OpenRegistryAsync(cancellationToken));
            if (data is not null)
            {
                var answer = await queries.ByDatasetAsync(data, parse.GetValue(model), parse.AsOf(asOf), Directory.GetCurrentDirectory(), cancellationToken);
                output.Result(answer, writer => LineageText.WriteDataset(writer, answer));
                return ExitCode.Success;
            }

            var lineage = await queries.LineageAsync(named!, parse.AsOf(asOf), cancellationToken);
            output.Result(lineage, writer =>
            {
                VersionText.WriteVersion(writer, lineage);
                LineageText.WriteRecipe(writer, lineage.Recipe);
            });
            return ExitCode.Success;
        });
        return command;
    }
}
