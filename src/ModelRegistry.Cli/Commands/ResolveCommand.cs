using System.CommandLine;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>resolve &lt;ref&gt; [--as-of t]</c>: the exact version and digest a reference names now (or then).</summary>
internal static class ResolveCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "FraudDetection@Production, FraudDetection@7, …" };
        var asOf = CommonOptions.AsOf();
        var trust = CommonOptions.Trust();
        var command = new Command("resolve", "Resolve a reference to an exact version and digest (refused for a version whose files were purged, or that --trust does not accept).") { reference, asOf, trust };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            // A purged version resolves to nothing a build can use: MRB1230 names the revision that purged it.
            using var policy = CommonOptions.TrustOf(parse, trust);
            var version = (await registry.ResolveAsync(parse.GetValue(reference)!, parse.AsOf(asOf), policy, cancellationToken)).EnsureFilesStored();
            output.Result(version, writer => writer.WriteLine($"{version.Model}@{version.Version} {version.Digest} ({version.Stage})"));
            output.Actions.SetOutputs([new("version", version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("digest", version.Digest)]);
            return ExitCode.Success;
        });
        return command;
    }
}
