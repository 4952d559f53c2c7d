using System.CommandLine;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>sign &lt;ref&gt; [--stage-move] [--sign-key file]</c>: adds a signature to a version already registered.</summary>
internal static class SignCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "The version to sign: FraudDetection@7, FraudDetection@Production, …" };
        var stageMove = new Option<bool>("--stage-move") { Description = "Sign the revision that moved the version into the stage it holds, instead of its registration." };
        var signKey = CommonOptions.SignKey();
        var command = new Command("sign", "Add a signature to a version's registration or to its move into its stage (never replaces one).") { reference, stageMove, signKey };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            using var key = CommonOptions.SigningKeyOf(parse, signKey) ?? throw Errors.SigningKeyRequired(Signing.SigningKey.EnvironmentVariable);
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var document = await registry.SignAsync(parse.GetValue(reference)!, key, parse.GetValue(stageMove), cancellationToken);
            output.Result(document, writer =>
            {
                SignatureText.WriteSigned(writer, document.Added);
                SignatureText.Write(writer, document);
            });
            output.Actions.SetOutputs([new("key-id", key.KeyId), new("signature", document.Added!.Path)]);
            return ExitCode.Success;
        });
        return command;
    }
}
