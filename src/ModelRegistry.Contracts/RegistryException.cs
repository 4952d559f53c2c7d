namespace ModelRegistry;

/// <summary>A refusal or failure the user can act on. Raised only through a factory of an errors class
/// (<see cref="ContractErrors"/>, the engine's <c>Errors</c>, each face's own), so every message carries its code and
/// every code has one place that raises it: the error catalogue test checks both, and docs/errors.md lists them.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException(string code, string message, ErrorKind kind = ErrorKind.Failure, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Kind = kind;
    }

    /// <summary>The code, for example <c>MRB1001</c>; docs/errors.md lists them all.</summary>
    public string Code { get; }

    public ErrorKind Kind { get; }

    /// <summary>The message in MSBuild's canonical form, which Exec, GitHub annotations and editors recognise.</summary>
    public string Canonical => $"error {Code}: {Message}";
}
