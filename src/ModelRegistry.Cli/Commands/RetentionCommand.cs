using System.CommandLine;
using System.Globalization;
using ModelRegistry.Cli.Output;
using ModelRegistry.Manifest;
using ModelRegistry.Naming;
using ModelRegistry.Retention;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// <c>retention set [&lt;model&gt;] --keep-last N ...</c>, <c>retention clear [&lt;model&gt;]</c> and <c>retention show
/// [&lt;model&gt;]</c>: the registry's retention policy, changed by revisions like everything else. gc applies it.
/// </summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var command = new Command("retention", "Set, clear or show which versions keep their files (gc applies it).");
        command.Subcommands.Add(CreateSet());
        command.Subcommands.Add(CreateClear());
        command.Subcommands.Add(CreateApply());
        command.Subcommands.Add(CreateShow());
        return command;
    }

    private static Command CreateSet()
    {
        var model = ModelArgument("The model whose own rules change (they beat the default field by field); omit for the registry default.");
        var keepLast = new Option<int?>("--keep-last") { Description = "Keep the newest N versions." };
        var keepLabelled = new Option<bool?>("--keep-labelled") { Description = "Keep every version with a semantic-version label (--keep-labelled false to stop).", Arity = ArgumentArity.ZeroOrOne };
        var keepProductionFor = new Option<string?>("--keep-production-for") { Description = "Keep every version that held Production (or another single-version stage) within this window: 365d (default 30d)." };
        var keepDays = new Option<int?>("--keep-days") { Description = "Keep every version registered within this many days." };
        var reason = CommonOptions.Reason();
        var command = new Command("set", "Set retention rules for the registry or one model; rules not given keep their value.")
        {
            model, keepLast, keepLabelled, keepProductionFor, keepDays, reason,
        };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var policy = new RetentionPolicy
            {
                KeepLast = parse.GetValue(keepLast),
                KeepLabelled = parse.GetResult(keepLabelled) is null ? null : parse.GetValue(keepLabelled) ?? true,
                KeepProductionFor = parse.GetValue(keepProductionFor) is { } window ? Durations.Parse(window) : null,
                KeepDays = parse.GetValue(keepDays),
            };
            if (policy.KeepsEverything)
            {
                throw ContractErrors.InvalidRetentionPolicy("no rule was given: use --keep-last, --keep-labelled, --keep-production-for or --keep-days, or 'retention clear'");
            }

            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var revision = await registry.SetRetentionAsync(new RetentionChange { Model = parse.GetValue(model), Policy = policy, Reason = parse.GetValue(reason) }, cancellationToken);
            Report(output, revision, parse.GetValue(model));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command CreateClear()
    {
        var model = ModelArgument("The model whose own rules are removed (it follows the default again); omit to remove the default (keep everything).");
        var reason = CommonOptions.Reason();
        var command = new Command("clear", "Remove a model's own retention rules, or the registry default.") { model, reason };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var revision = await registry.SetRetentionAsync(new RetentionChange { Model = parse.GetValue(model), Clear = true, Reason = parse.GetValue(reason) }, cancellationToken);
            Report(output, revision, parse.GetValue(model));
            return ExitCode.Success;
        });
        return command;
    }

    private static Command CreateApply()
    {
        var file = new Argument<string>("file") { Description = "A policy file: {\"default\": {\"keepLast\": 10, \"keepProductionFor\": \"365d\"}, \"models\": {\"FraudDetection\": {\"keepLast\": 30}}}." };
        var reason = CommonOptions.Reason();
        var command = new Command("apply", "Make the policy in a file (kept in a repository, reviewed in pull requests) the registry's whole policy.") { file, reason };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var policy = RetentionFile.Read(parse.GetValue(file)!).ToRevision();
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            var current = await registry.ReadRetentionAsync(cancellationToken);
            var unchanged = current is not null && RegistryJson.Serialize(current with { Revision = 0, WriteId = "", Time = default, Actor = "", Reason = null, Model = null }).AsSpan()
                .SequenceEqual(RegistryJson.Serialize(policy));
            var revision = unchanged ? current : await registry.SetRetentionAsync(new RetentionChange { Replace = policy, Reason = parse.GetValue(reason) }, cancellationToken);
            Report(output, revision, null);
            return ExitCode.Success;
        });
        return command;
    }

    private static Command CreateShow()
    {
        var model = ModelArgument("Show the rules that apply to this model; omit for the whole policy.");
        var history = new Option<bool>("--history") { Description = "Every revision of the policy: who changed what, when, why." };
        var command = new Command("show", "Show the retention policy in force.") { model, history };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            var registry = await parse.OpenRegistryAsync(cancellationToken);
            if (parse.GetValue(history))
            {
                var revisions = await registry.RetentionHistoryAsync(cancellationToken);
                output.Result(revisions, writer =>
                {
                    foreach (var revision in revisions)
                    {
                        writer.WriteLine($"{revision.Revision,4}  {revision.Time.ToString("u", CultureInfo.InvariantCulture)}  {revision.Actor}  {revision.Model ?? "(default)"}  {revision.Reason}");
                    }
                });
                return ExitCode.Success;
            }

            var current = await registry.ReadRetentionAsync(cancellationToken);
            Report(output, current, parse.GetValue(model));
            return ExitCode.Success;
        });
        return command;
    }

    private static Argument<string?> ModelArgument(string description) => new("model") { Description = description, Arity = ArgumentArity.ZeroOrOne };

    private static void Report(CommandOutput output, RetentionRevision? revision, string? model)
    {
        var applies = model is null ? null : revision?.For(ModelName.Key(model));
        output.Result(
            new RetentionDocument(revision, model, model is null ? null : applies?.ToString() ?? "keep everything"),
            writer =>
            {
                if (revision is null)
                {
                    writer.WriteLine("No retention policy: every version keeps its files.");
                    return;
                }

                writer.WriteLine($"Retention policy revision {revision.Revision}, {revision.Time.ToString("u", CultureInfo.InvariantCulture)} by {revision.Actor}{(revision.Reason is { } why ? $": {why}" : "")}");
                writer.WriteLine($"  default  {revision.Default?.ToString() ?? "keep everything"}");
                foreach (var own in revision.Models.Values.OrderBy(m => m.Model, StringComparer.OrdinalIgnoreCase))
                {
                    writer.WriteLine($"  {own.Model}  {own.Policy}");
                }

                if (model is not null)
                {
                    writer.WriteLine($"{model} follows: {applies?.ToString() ?? "keep everything"}");
                }
            });
    }
}
