using System.CommandLine;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>verify-signature &lt;ref&gt; [--trust file]</c>: which keys signed what, and whether a policy accepts it.</summary>
internal static class VerifySignatureCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "FraudDetection@Production, FraudDetection@7, …" };
        var trust = CommonOptions.Trust();
        var asOf = CommonOptions.AsOf();
        var command = new Command("verify-signature", "Check a version's signatures: which keys signed its registration and its move into its stage.") { reference, trust, asOf };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            using var policy = CommonOptions.TrustOf(parse, trust);
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var document = await registry.VerifySignaturesAsync(parse.GetValue(reference)!, parse.AsOf(asOf), policy, cancellationToken);
            output.Result(document, writer => SignatureText.Write(writer, document));
            var error = document.Trust is { Accepted: false } refused ? Errors.NotTrusted(parse.GetValue(reference)!, document.Stage, refused.Problems)
                : document.Signatures.Count(s => !s.Valid) is > 0 and var invalid ? Errors.SignaturesInvalid(document.Reference, invalid)
                : null;
            if (error is null)
            {
                return ExitCode.Success;
            }

            output.Error(error.Code, error.Message);
            return error.Kind == ErrorKind.GateNotMet ? ExitCode.GateNotMet : ExitCode.Failure;
        });
        return command;
    }
}
