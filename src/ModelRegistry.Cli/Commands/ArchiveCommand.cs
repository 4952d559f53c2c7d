using System.CommandLine;
using ModelRegistry.Cli.Output;
using ModelRegistry.Manifest;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>archive &lt;ref&gt; [--reason r]</c>: retires a version; it stays available for rollback and pulls.</summary>
internal static class ArchiveCommand
{
    public static Command Create()
    {
        var reference = new Argument<string>("reference") { Description = "The version to archive." };
        var reason = CommonOptions.Reason();
        var expectCurrent = CommonOptions.ExpectCurrent();
        expectCurrent.Description = "The version you expect the reference to name now: the archive is refused (MRB1310) if it names another.";
        var evidence = new EvidenceOptions();
        var command = new Command("archive", "Move a model version to Archived.") { reference, reason, expectCurrent };
        foreach (var option in evidence.All)
        {
            command.Options.Add(option);
        }

        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var result = await registry.PromoteAsync(new PromotionRequest
            {
                Reference = parse.GetValue(reference)!,
                Stage = RegistrySettings.Archived,
                Reason = parse.GetValue(reason),
                Evidence = await evidence.GatherAsync(parse, cancellationToken),
                ExpectCurrent = CommonOptions.ExpectedHolderOf(parse, expectCurrent),
            }, cancellationToken);
            return StageChangeReport.Write(output, result);
        });
        return command;
    }
}
