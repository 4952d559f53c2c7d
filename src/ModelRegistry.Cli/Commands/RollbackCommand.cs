using System.CommandLine;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>rollback &lt;model&gt; [--stage Production] [--from N] [--approved-by name] [--reason r] [--sign-key pem]</c>:
/// puts back the version that held a stage before N (by default the current holder); a no-op once N no longer holds it.</summary>
internal static class RollbackCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The model name." };
        var stage = new Option<string?>("--stage") { Description = "The stage to roll back (default Production)." };
        var reason = CommonOptions.Reason();
        var from = new Option<int?>("--from", "--expect-current")
        {
            Description = "The version to roll back from (default: the holder when the command starts). When it no longer holds the stage, nothing is done: a retried rollback never re-deploys what it rolled back.",
        };
        var signKey = CommonOptions.SignKey();
        var evidence = new EvidenceOptions();
        var github = new GitHubPromoteOptions();
        var command = new Command("rollback", "Re-promote the version that held a stage before the current one.") { model, stage, reason, from, signKey };
        foreach (var option in evidence.All.Concat(github.All))
        {
            command.Options.Add(option);
        }

        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            using var key = CommonOptions.SigningKeyOf(parse, signKey);
            if (github.Requested(parse))
            {
                return await github.RollbackAsync(parse, output, registry, parse.GetValue(model)!, parse.GetValue(stage), parse.GetValue(from), parse.GetValue(reason), await evidence.GatherAsync(parse, cancellationToken) is not null, key, cancellationToken);
            }

            var result = await registry.RollbackAsync(parse.GetValue(model)!, parse.GetValue(stage), await evidence.GatherAsync(parse, cancellationToken), parse.GetValue(reason), null, parse.GetValue(from), key, cancellationToken);
            return StageChangeReport.Write(output, result);
        });
        return command;
    }
}
