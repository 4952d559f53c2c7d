using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ModelRegistry.Lineage.Text;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Machine;

/// <summary>The machine and dependencies: OS, architecture, .NET runtime, lock files, the container image, and only
/// the environment variables asked for by name. A variable whose name suggests a secret is refused, never recorded.</summary>
internal static partial class EnvironmentCapture
{
    private static readonly string[] SecretWords =
    [
        "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "CONNECTION_STRING", "CONNECTIONSTRING", "APIKEY",
        "API_KEY", "PRIVATE", "SIGNATURE", "ACCOUNTKEY", "ACCESSKEY", "ACCESS_KEY", "SASKEY",
    ];

    private static readonly HashSet<string> SecretSegments = new(StringComparer.Ordinal) { "KEY", "PAT", "SAS", "PWD", "AUTH", "COOKIE", "SESSION", "SIG" };

    /// <summary>Checked before anything is captured, so a refused name fails fast.</summary>
    public static void Validate(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!VariableName().IsMatch(name))
            {
                throw LineageErrors.InvalidEnvironmentVariableName(name);
            }

            if (LooksSecret(name))
            {
                throw LineageErrors.SecretEnvironmentVariable(name);
            }
        }
    }

    public static bool LooksSecret(string name)
    {
        var upper = name.ToUpperInvariant();
        return upper != "PWD" && (SecretWords.Any(w => upper.Contains(w, StringComparison.Ordinal)) || upper.Split('_').Any(SecretSegments.Contains));
    }

    public static (EnvironmentLineage Environment, IReadOnlyList<string> Warnings) Capture(CaptureOptions options, IReadOnlyList<LockFile> lockFiles)
    {
        var warnings = new List<string>();
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in options.EnvironmentVariables.Distinct(StringComparer.Ordinal))
        {
            if (options.GetVariable(name) is { } value)
            {
                // The name is not secret, but a value can still carry one (PIP_INDEX_URL=https://user:token@…).
                variables[name] = SecretRedaction.Scrub(value);
            }
            else
            {
                warnings.Add(LineageErrors.EnvironmentVariableNotSetWarning(name));
            }
        }

        var image = string.IsNullOrWhiteSpace(options.ContainerImage) ? null : SecretRedaction.ScrubImage(options.ContainerImage.Trim());
        if (image is not null && !image.Contains("@sha256:", StringComparison.Ordinal))
        {
            warnings.Add(LineageErrors.ContainerImageNotPinnedWarning(image));
        }

        return (new EnvironmentLineage
        {
            Os = RuntimeInformation.OSDescription,
            Architecture = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
            Runtime = RuntimeInformation.FrameworkDescription,
            LockFiles = lockFiles,
            ContainerImage = image,
            Variables = variables,
        }, warnings);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
