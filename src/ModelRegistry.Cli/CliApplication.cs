using System.CommandLine;
using ModelRegistry.Cli.Commands;
using ModelRegistry.Cli.Output;

namespace ModelRegistry.Cli;

/// <summary>Builds the command tree, runs one command, and turns every failure into a coded message and an exit code.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("model-registry: a model registry that lives in the build. Register, evaluate, promote, resolve and pull machine-learning models.");
        root.Options.Add(CommonOptions.Registry);
        root.Options.Add(CommonOptions.Json);
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        CommonOptions.RefuseEmptyPaths(root);

        // No response files: an argument such as --reason "@alice" is text, not a file whose lines become arguments.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var json = args.Contains("--json");
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            var output = new CommandOutput(json);
            var usage = Errors.CommandLine(string.Join(" ", parsed.Errors.Select(e => e.Message)));
            output.Error(usage.Code, usage.Message);
            return (int)ExitCode.Usage;
        }

        using var termination = new Termination(json);
        return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, termination.Token);
    }

    /// <summary>Every command, one file each under Commands/.</summary>
    private static IEnumerable<Command> Commands() =>
    [
        EvaluateCommand.Create(),
        RegisterCommand.Create(),
        ListCommand.Create(),
        ShowCommand.Create(),
        HistoryCommand.Create(),
        PromoteCommand.Create(),
        ArchiveCommand.Create(),
        RollbackCommand.Create(),
        AliasCommand.Create(),
        ResolveCommand.Create(),
        PullCommand.Create(),
        RestoreCommand.Create(),
        CopyCommand.Create(),
        VerifyCommand.Create(),
        SignCommand.Create(),
        VerifySignatureCommand.Create(),
        GcCommand.Create(),
        RetentionCommand.Create(),
        LineageCommand.Create(),
        DiffCommand.Create(),
        ProvenanceCommand.Create(),
        GateCommand.Create(),
        ReportCommand.Create(),
    ];

    /// <summary>Runs a command body with the one error policy: coded errors to stderr (and to the JSON document and
    /// GitHub annotations), the exit code from the error's kind, unexpected exceptions reported without secrets.</summary>
    internal static void SetHandler(this Command command, Func<ParseResult, CommandOutput, CancellationToken, Task<ExitCode>> handler)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CommandOutput(parseResult.GetValue(CommonOptions.Json));
            try
            {
                return (int)await handler(parseResult, output, cancellationToken);
            }
            catch (RegistryException e)
            {
                output.Error(e.Code, e.Message);
                return (int)(e.Kind switch
                {
                    ErrorKind.Usage => ExitCode.Usage,
                    ErrorKind.GateNotMet => ExitCode.GateNotMet,
                    _ => ExitCode.Failure,
                });
            }
            catch (OperationCanceledException)
            {
                var cancelled = Errors.Cancelled();
                output.Error(cancelled.Code, cancelled.Message);
                return (int)ExitCode.Failure;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var failed = Errors.StorageFailed("the registry", "running the command", e);
                output.Error(failed.Code, failed.Message);
                return (int)ExitCode.Failure;
            }
        });
    }
}
