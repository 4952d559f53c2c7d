using System.CommandLine;
using ModelRegistry.Cli.Output;
using ModelRegistry.Runtime;

namespace ModelRegistry.Cli.Commands;

/// <summary>
/// <c>restore &lt;ref&gt;... [--lock-file f] [--cache folder] [--refresh | --locked] [--trust policy] [--schema model=file]...</c>: a project's references,
/// its models.lock.json and the machine's model cache brought into agreement in one process (what the MSBuild
/// package and the Cake addin run).
/// </summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var references = new Argument<string[]>("references")
        {
            Description = "The references the project consumes: FraudDetection@Production, Churn@3, Ranker (the latest version), …",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var lockFile = new Option<string>("--lock-file") { Description = "The lock file to read and write.", DefaultValueFactory = _ => "models.lock.json" };
        var cache = new Option<string?>("--cache") { Description = "The model cache folder. Default: ~/.model-registry/cache." };
        var refresh = new Option<bool>("--refresh") { Description = "Resolve every reference again and update the lock file." };
        var locked = new Option<bool>("--locked") { Description = "Change nothing: fail unless the lock pins every reference to the version the registry resolves it to now." };
        var trust = CommonOptions.Trust();
        var schemas = new Option<string[]>("--schema")
        {
            Description = "A schema pin, model=file (repeatable): the declared-schema JSON the consumer was written against; a version whose schema breaks it is refused (docs/schemas.md).",
            DefaultValueFactory = _ => [],
        };
        var command = new Command("restore", "Resolve a project's model references, pull them into the cache verified by digest, and write or check models.lock.json.")
        {
            references, lockFile, cache, refresh, locked, trust, schemas,
        };
        command.SetHandler(async (parse, output, cancellationToken) =>
        {
            if (parse.GetValue(refresh) && parse.GetValue(locked))
            {
                throw Errors.CommandLine("--refresh and --locked contradict each other: locked mode never changes the lock file.");
            }

            // A mistyped option (--lokced) would otherwise be read as a reference and refused as a model name.
            if (parse.GetValue(references)!.FirstOrDefault(r => r.StartsWith('-')) is { } unknown)
            {
                throw Errors.CommandLine($"Unrecognized option '{unknown}' (a model name never starts with '-').");
            }

            var requests = parse.GetValue(references)!.Select(ReferenceRequest.Parse).ToList();
            using var policy = CommonOptions.TrustOf(parse, trust);
            var client = ModelRegistryClient.Create(await parse.OpenRegistryAsync(cancellationToken), parse.GetValue(cache), policy);
            var options = new RestoreOptions(Path.GetFullPath(parse.GetValue(lockFile)!), parse.GetValue(refresh), parse.GetValue(locked))
            {
                SchemaPins = SchemaPins(parse.GetValue(schemas)!),
            };
            var report = await client.RestoreAsync(requests, options, cancellationToken);
            foreach (var warning in report.Warnings)
            {
                output.Warning(warning);
            }

            output.Result(report.ToDocument(client.Cache.Root), writer => Write(writer, report));
            foreach (var problem in report.Problems)
            {
                output.Error(problem.Code, problem.Message);
            }

            return report.Succeeded ? ExitCode.Success : ExitCode.Failure;
        });
        return command;
    }

    /// <summary>Reads <c>--schema FraudDetection=schemas/fraud.json</c> options, one pin per model.</summary>
    private static Dictionary<string, string> SchemaPins(string[] values)
    {
        var pins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == value.Length - 1)
            {
                throw Errors.CommandLine($"--schema '{value}' is not model=file (for example --schema FraudDetection=schemas/fraud.json).");
            }

            if (!pins.TryAdd(value[..equals].Trim(), Path.GetFullPath(value[(equals + 1)..].Trim())))
            {
                throw Errors.CommandLine($"--schema pins '{value[..equals].Trim()}' twice: give one schema pin per model.");
            }
        }

        return pins;
    }

    private static void Write(TextWriter writer, RestoreReport report)
    {
        foreach (var model in report.Models)
        {
            var what = model.Change switch
            {
                RestoreChange.Moved => $"moved from version {model.PreviousVersion} to version {model.Version}",
                RestoreChange.Resolved => $"resolved to version {model.Version}",
                _ => $"pinned to version {model.Version}",
            };
            writer.WriteLine($"{model.Model}@{model.Requested} {what} ({model.Digest}){(model.Pulled ? ", pulled into the cache" : "")}.");
        }

        if (report.LockWritten)
        {
            writer.WriteLine($"Updated {report.LockFile}.");
        }
    }
}
