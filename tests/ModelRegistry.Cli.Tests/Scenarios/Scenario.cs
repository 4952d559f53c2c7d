using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>
/// One user session against a fresh registry in a temp folder: the real tool run as a process, the way a person at a
/// terminal or a script runs it, with the checks every command owes its caller (one JSON document with --json, no
/// stack trace anywhere).
/// </summary>
public abstract class Scenario : IDisposable
{
    protected Scenario()
    {
        Registry = Temp.Combine("registry");
    }

    protected TempFolder Temp { get; } = new();

    protected string Registry { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Temp.Dispose();
        }
    }

    /// <summary>Runs model-registry against this scenario's registry, from the temp folder.</summary>
    protected Task<CliOutcome> Cli(params string[] args) => Run([.. args, "--registry", Registry]);

    /// <summary>Runs model-registry from the temp folder; a process that hangs is killed, so the test fails fast and
    /// leaves nothing running.</summary>
    protected Task<CliOutcome> Run(params string[] args) => Run(null, args);

    /// <summary>Runs model-registry with extra environment variables (GitHub Actions' own, say).</summary>
    protected Task<CliOutcome> Run(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        CliProcess.RunAsync(Temp.Path, environment, args);

    /// <summary>Runs with --json and checks stdout holds exactly one JSON document, whatever the outcome.</summary>
    protected async Task<(CliOutcome Result, JsonElement Document)> Json(params string[] args)
    {
        var result = await Cli([.. args, "--json"]);
        AssertNoStackTrace(result);
        return (result, OneDocument(result.Stdout));
    }

    /// <summary>Starts model-registry from the temp folder, hermetically (see <see cref="CliProcess"/>), plus the
    /// variables given.</summary>
    protected Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        CliProcess.Start(Temp.Path, environment, args);

    /// <summary>Registers a version in-process (fast set-up); the content makes the recipe.</summary>
    protected async Task<string> RegisterAsync(string model, string content, string file = "model.bin")
    {
        var artifact = Temp.WriteFile($"artifacts/{Guid.NewGuid():N}/{file}", Encoding.UTF8.GetBytes(content));
        var registry = await ModelRegistry.Registry.OpenAsync(Registry);
        var result = await registry.RegisterAsync(new RegistrationRequest { Model = model, Artifacts = [artifact] });
        return result.Version!.Digest;
    }

    protected static JsonElement OneDocument(string stdout)
    {
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    protected static void AssertNoStackTrace(CliOutcome result)
    {
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout, StringComparison.Ordinal);
    }

    protected static string ErrorCode(JsonElement document) => document.GetProperty("error").GetProperty("code").GetString()!;
}
