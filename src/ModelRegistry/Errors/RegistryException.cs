namespace ModelRegistry.Errors;

/// <summary>A refusal or failure the user can act on. Raised only through <see cref="Errors"/>, so every
/// message carries its code and every code has one place that raises it.</summary>
public sealed class RegistryException : Exception
{
    internal RegistryException(string code, string message, ErrorKind kind = ErrorKind.Failure, Exception? inner = null)
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
