using System.Collections;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// The environment a child <c>dotnet</c> process gets: the test host's, minus everything that would make a run
/// depend on where it runs (CI and GitHub Actions variables, MSBuild variables the test host sets for itself,
/// ModelRegistry knobs of the developer's shell), plus node reuse off.
/// </summary>
public static class TestEnvironment
{
    // Prefixes of variables that change what a build or the CLI does: GitHub Actions (GITHUB_*, RUNNER_*,
    // ACTIONS_*) switch on annotations and outputs; MSBuild* and VSTEST_* come from the test host and would
    // point the child at the host's MSBuild; ModelRegistry* are MSBuild properties when read from the environment.
    // NUGET_* stay: the machine's NuGet settings (proxy, certificate revocation mode) apply to the child too.
    private static readonly string[] ScrubbedPrefixes =
        ["GITHUB_", "RUNNER_", "ACTIONS_", "MSBUILD", "VSTEST_", "MODELREGISTRY", "MODEL_REGISTRY"];

    private static readonly string[] ScrubbedNames =
        ["CI", "TF_BUILD", "BUILD_BUILDID", "TEAMCITY_VERSION", "APPVEYOR", "GITLAB_CI", "JENKINS_URL", "DOTNET_HOST_PATH"];

    /// <summary>The scrubbed environment with <paramref name="overrides"/> applied (a null value removes a variable).</summary>
    public static Dictionary<string, string> Create(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (!IsScrubbed(name))
            {
                result[name] = (string?)entry.Value ?? string.Empty;
            }
        }

        // A reused node keeps the task assembly of an earlier pack loaded; every build here starts fresh nodes.
        result["MSBUILDDISABLENODEREUSE"] = "1";
        result["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        result["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        result["DOTNET_NOLOGO"] = "1";
        result["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        result["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static bool IsScrubbed(string name) =>
        ScrubbedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || ScrubbedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
