using System.CommandLine;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli.Commands;

/// <summary><c>alias set &lt;ref&gt; &lt;alias&gt;</c> and <c>alias remove &lt;model&gt; &lt;alias&gt;</c>: movable names beside stages.</summary>
internal static class AliasCommand
{
    public static Command Create()
    {
        var command = new Command("alias", "Set or remove a movable alias (champion, canary).");
        command.Subcommands.Add(CreateSet());
        command.Subcommands.Add(CreateRemove());
        return command;
    }

    private static Command CreateSet()
    {
        var reference = new Argument<string>("reference") { Description = "The version the alias names: FraudDetection@7." };
        var alias = new Argument<string>("alias") { Description = "The alias: champion, canary, …" };
        var reason = CommonOptions.Reason();
        var command = new Command("set", "Point an alias at a version.") { reference, alias, reason };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var version = await registry.SetAliasAsync(parse.GetValue(reference)!, parse.GetValue(alias)!, parse.GetValue(reason), null, cancellationToken);
            output.Result(version, writer => writer.WriteLine($"{version.Model}@{parse.GetValue(alias)} -> version {version.Version}."));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command CreateRemove()
    {
        var model = new Argument<string>("model") { Description = "The model name." };
        var alias = new Argument<string>("alias") { Description = "The alias to remove." };
        var reason = CommonOptions.Reason();
        var command = new Command("remove", "Remove an alias.") { model, alias, reason };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            await registry.RemoveAliasAsync(parse.GetValue(model)!, parse.GetValue(alias)!, parse.GetValue(reason), null, cancellationToken);
            output.Result(new AliasRemovedDocument(parse.GetValue(model)!, parse.GetValue(alias)!), writer => writer.WriteLine($"Removed alias {parse.GetValue(alias)}."));
            return ExitCode.Success;
        });
        return command;
    }
}
