namespace ModelRegistry.Faces;

/// <summary>
/// The one way the faces (MSBuild tasks, Cake aliases) prepare the environment of a model-registry process; this
/// file is compiled into both, since neither may load the other's dependencies. A registry location that carries a
/// credential (an Azure SAS, a password in a URL) goes in <c>MODEL_REGISTRY</c>, which the tool reads when
/// <c>--registry</c> is absent, never on the command line, where every local user can read it (<c>ps</c>,
/// <c>/proc/&lt;pid&gt;/cmdline</c>) and build logs print it.
/// </summary>
public static class CliProcessEnvironment
{
    public const string RegistryVariable = "MODEL_REGISTRY";

    /// <summary>The tool would otherwise write step outputs and a summary of its own; the face reports the tool's
    /// result in its own ecosystem's terms. <c>GITHUB_ACTIONS</c> and the run variables stay: the tool records the
    /// CI run in the recipe and links it in gate evidence. A face that cannot remove a variable sets it empty, which
    /// the tool treats as unset.</summary>
    public static readonly IReadOnlyList<string> Removed = ["GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"];

    /// <summary>Variables set for the tool: roll forward so the tool (built for net10.0) also runs where only a newer
    /// runtime is installed, whichever host starts it (<c>dotnet exec</c>, <c>dotnet tool</c>, the apphost).</summary>
    public static readonly IReadOnlyDictionary<string, string> Set = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_ROLL_FORWARD"] = "Major",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>Applies the shared environment to a process's variables; a credential-carrying registry is added here.</summary>
    public static void Apply(IDictionary<string, string?> variables, string? registry)
    {
        foreach (var name in Removed)
        {
            variables[name] = "";
        }

        foreach (var (name, value) in Set)
        {
            variables[name] = value;
        }

        if (registry is not null && CarriesCredential(registry))
        {
            variables[RegistryVariable] = registry;
        }
    }

    /// <summary>The registry location for the command line, or null when it must travel in the environment.</summary>
    public static string? RegistryArgument(string? registry) =>
        string.IsNullOrEmpty(registry) || CarriesCredential(registry) ? null : registry;

    /// <summary>True when the text is a URL with user information or a query (a SAS lives there), or a connection
    /// string with a key, signature or password in it.</summary>
    public static bool CarriesCredential(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && !uri.IsFile && !string.IsNullOrEmpty(uri.Host))
        {
            return uri.UserInfo.Length > 0 || uri.Query.Length > 1;
        }

        return CredentialKeys.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] CredentialKeys = ["AccountKey=", "SharedAccessSignature=", "SharedAccessKey=", "Password=", "Pwd=", "sig="];
}
