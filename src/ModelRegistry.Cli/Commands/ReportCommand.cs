using System.CommandLine;
using ModelRegistry.Reports;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>report --output &lt;folder&gt; [--as-of t] [--model m]...</c>: the registry as a static HTML site (docs/report.md).</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "The folder of the site; created when missing. Only files an earlier report wrote there are ever removed.", Required = true };
        var models = new Option<string[]>("--model", "-m") { Description = "Show only this model (repeatable); every model by default.", DefaultValueFactory = _ => [] };
        var asOf = CommonOptions.AsOf();
        var command = new Command("report", "Generate a static HTML site of the registry: models, versions, stage timelines, metric charts, comparisons, history.") { output, models, asOf };
        command.SetHandler(async (parse, writer, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var request = new ReportRequest { Output = parse.GetValue(output)!, Models = parse.GetValue(models)!, AsOf = parse.AsOf(asOf) };
            var document = await registry.ReportAsync(request, cancellationToken);
            writer.Result(document, text =>
            {
                text.WriteLine($"{document.Output}: {document.Pages} file(s) for {document.Models.Count} model(s); {document.Written.Count} written, {document.Unchanged} unchanged, {document.Removed.Count} removed.");
                text.WriteLine($"Open {Path.Combine(document.Output, "index.html")} in a browser, or publish the folder (docs/report.md).");
            });
            return ExitCode.Success;
        });
        return command;
    }
}
