using System.CommandLine;
using System.Globalization;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// <c>copy &lt;ref&gt; --to &lt;registry&gt;</c>: copies a version (files by digest, record, recipe, metrics) from the
/// --registry into another registry, noting the source in the destination's history. Idempotent.
/// </summary>
internal static class CopyCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "The version to copy: FraudDetection@Production, FraudDetection@7, …" };
        var to = new Option<string>("--to") { Description = "The destination registry: a folder or an Azure container URL (same forms as --registry).", Required = true };
        var command = new Command("copy", "Copy a model version into another registry, keeping its digests.") { reference, to };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var source = await parse.OpenRegistryAsync(cancellationToken);
            var destination = await Registry.OpenAsync(parse.GetValue(to), cancellationToken);
            var result = await source.CopyVersionAsync(parse.GetValue(reference)!, destination, progress: output.TransferProgress(), cancellationToken: cancellationToken);
            var copied = result.Destination;
            var document = new CopyDocument(copied, new CopySourceDocument(source.Location, result.Source.Model, result.Source.Version, result.Source.Digest), destination.Location)
            {
                IsNew = result.Created,
                BytesCopied = result.BytesCopied,
                Signatures = result.Signatures,
                SignatureNote = result.SignatureNote,
            };
            output.Result(document, writer =>
            {
                writer.WriteLine(result.Created
                    ? $"Copied {result.Source.Model} version {result.Source.Version} to {destination.Location} as version {copied.Version} ({copied.Digest}, {result.BytesCopied} bytes sent)."
                    : $"Unchanged: {destination.Location} already holds this recipe as {copied.Model} version {copied.Version} ({copied.Digest}).");
                foreach (var signature in result.Signatures)
                {
                    writer.WriteLine($"Registration signature by key {signature.KeyId}: {(signature.Valid ? "carried, valid" : $"not valid there ({signature.Problem})")}.");
                }

                if (result.SignatureNote is { } note)
                {
                    output.Warning(note);
                }
            });
            output.Actions.SetOutputs([new("version", copied.Version.ToString(CultureInfo.InvariantCulture)), new("digest", copied.Digest)]);
            return ExitCode.Success;
        });
        return command;
    }
}
