using System.CommandLine;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>pull &lt;ref&gt; --output &lt;folder&gt;</c>: downloads a version's files, each verified by digest.</summary>
internal static class PullCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "FraudDetection@Production, FraudDetection@7, …" };
        var outputFolder = new Option<string>("--output", "-o") { Description = "Folder to write the model's files into.", Required = true };
        var asOf = CommonOptions.AsOf();
        var trust = CommonOptions.Trust();
        var command = new Command("pull", "Download a model version's files, verified by digest (and by signature under --trust).") { reference, outputFolder, asOf, trust };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var folder = Path.GetFullPath(parse.GetValue(outputFolder)!);
            using var policy = CommonOptions.TrustOf(parse, trust);
            var version = await registry.PullAsync(parse.GetValue(reference)!, folder, parse.AsOf(asOf), output.TransferProgress(), policy, cancellationToken);
            output.Result(new PulledVersionDocument(version, folder), writer =>
                writer.WriteLine($"Pulled {version.Model} version {version.Version} ({version.Files.Count} file(s), {version.Files.Sum(f => f.Size)} bytes) into {folder}."));
            output.Actions.SetOutputs([new("version", version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("digest", version.Digest), new("path", folder)]);
            return ExitCode.Success;
        });
        return command;
    }
}
