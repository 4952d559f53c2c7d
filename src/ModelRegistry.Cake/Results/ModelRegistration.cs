using ModelRegistry.Metrics;

namespace ModelRegistry.Cake;

/// <summary>
/// What <c>ModelRegistryRegister</c> returns: the registered version, or, when the thresholds were missed and
/// <c>HandleExitCode</c> accepted exit code 3, no version and the verdict. The two documents the CLI prints for
/// <c>register</c> (<see cref="RegistrationDocument"/>, <see cref="NotRegisteredDocument"/>) in one result.
/// </summary>
public sealed class ModelRegistration
{
    /// <summary>Gets the registered version with what the registration did (<c>IsNew</c>, <c>Restored</c>, <c>BytesUploaded</c>); null when nothing was registered.</summary>
    public RegistrationDocument? Version { get; init; }

    /// <summary>Gets a value indicating whether a version stands: new, or the existing version of the same recipe.</summary>
    public bool Registered => Version is not null;

    /// <summary>Gets a value indicating whether this registration created the version.</summary>
    public bool IsNew => Version?.IsNew ?? false;

    /// <summary>Gets the bytes uploaded: 0 when every file was already stored.</summary>
    public long BytesUploaded => Version?.BytesUploaded ?? 0;

    /// <summary>Gets each threshold's verdict.</summary>
    public Verdict Evaluation { get => Version?.Evaluation ?? field; init; } = Verdict.Empty;
}
