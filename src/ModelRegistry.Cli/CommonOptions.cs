using System.CommandLine;
using System.CommandLine.Parsing;

namespace ModelRegistry.Cli;

/// <summary>Options shared by many commands, declared once so every command spells them the same way.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Registry = new("--registry", "-r")
    {
        Description = "Registry location: a folder or an Azure container URL. Default: $MODEL_REGISTRY, else ./.model-registry.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print exactly one JSON document on stdout.",
        Recursive = true,
    };

    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "Read the registry as it was at an ISO 8601 time or a revision number.",
    };

    public static Option<string?> ExpectCurrent() => new("--expect-current")
    {
        Description = "The version you expect to hold the stage now, or 'none': the change is refused (MRB1310) if another moved it first.",
    };

    /// <summary>The parsed --expect-current value, or null when it was not given.</summary>
    public static ExpectedHolder? ExpectedHolderOf(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? ExpectedHolder.Parse(text) : null;

    /// <summary>--allow-breaking-schema: why a breaking schema may enter a stage whose policy sets requireCompatibleSchema.</summary>
    public static Option<string?> AllowBreakingSchema() => new("--allow-breaking-schema")
    {
        Description = "Why a schema that breaks the stage holder's may move in anyway, where the stage policy sets requireCompatibleSchema (recorded in the revision).",
    };

    public static Option<string?> Reason() => new("--reason")
    {
        Description = "Why: recorded in the revision.",
    };

    public static Option<string?> ApprovedBy() => new("--approved-by")
    {
        Description = "Name of the person approving a gated promotion (a local approval).",
    };

    public static Option<string?> Metrics() => new("--metrics")
    {
        Description = "A JSON metrics file ({\"auc\": 0.93}; nested objects are addressed with dots).",
    };

    public static Option<string?> SignKey() => new("--sign-key")
    {
        Description = "An ECDSA P-256 private key (PEM file) to sign with. Default: $MODEL_REGISTRY_SIGNING_KEY (the key's PEM text), when set.",
    };

    /// <summary>The key of --sign-key, else of $MODEL_REGISTRY_SIGNING_KEY, else null (nothing is signed).</summary>
    public static Signing.SigningKey? SigningKeyOf(ParseResult parse, Option<string?> option) =>
        Signing.SigningKey.FromFileOrEnvironment(parse.GetValue(option));

    public static Option<string?> Trust() => new("--trust")
    {
        Description = "A trust policy file (docs/signing.md): a version it does not accept is refused (MRB2005).",
    };

    /// <summary>The policy of --trust, or null when it was not given.</summary>
    public static Signing.TrustPolicy? TrustOf(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } path ? Signing.TrustPolicy.Load(path) : null;

    /// <summary>The options and arguments that name a file, folder or registry, by name, wherever they appear.</summary>
    private static readonly HashSet<string> PathSymbols = new(StringComparer.Ordinal)
    {
        "--registry", "--trust", "--sign-key", "--project-dir", "--metrics", "--data", "--config", "--lock-file",
        "--output", "--to", "--cache", "--schema", "--policy", "artifacts", "file",
    };

    /// <summary>Refuses an empty value for every option and argument that names a file, folder or registry (MRB1901):
    /// a script whose variable came out empty (<c>--output "$OUT"</c>) would otherwise write to the current folder, use
    /// the default registry or cache, or fail inside .NET's path handling.</summary>
    public static void RefuseEmptyPaths(Command command)
    {
        // Shared options (--registry) are met on every run and in every command: each gets the check once.
        foreach (var option in command.Options.Where(o => PathSymbols.Contains(o.Name) && !o.Validators.Contains(RefuseEmpty)))
        {
            option.Validators.Add(RefuseEmpty);
        }

        foreach (var argument in command.Arguments.Where(a => PathSymbols.Contains(a.Name) && !a.Validators.Contains(RefuseEmpty)))
        {
            argument.Validators.Add(RefuseEmpty);
        }

        foreach (var subcommand in command.Subcommands)
        {
            RefuseEmptyPaths(subcommand);
        }
    }

    private static void RefuseEmpty(SymbolResult result)
    {
        if (result.Tokens.Any(t => t.Value.Length == 0))
        {
            var name = result is OptionResult option ? option.Option.Name : $"<{((ArgumentResult)result).Argument.Name}>";
            result.AddError($"{name} needs a path: an empty value was given.");
        }
    }

    public static Option<string[]> Thresholds() => new("--threshold")
    {
        Description = "A metric gate such as auc>=0.90, latency_p95_ms<=50 or auc>=Production-0.005 (repeatable).",
        DefaultValueFactory = _ => [],
    };
}
