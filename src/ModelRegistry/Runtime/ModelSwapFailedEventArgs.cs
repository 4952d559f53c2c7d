namespace ModelRegistry.Runtime;

/// <summary>A <see cref="ModelSlot{T}"/> did not swap to <see cref="Refused"/> (its schema does not fit, it cannot be
/// loaded): <see cref="Serving"/> keeps serving. <see cref="Error"/> is a coded <see cref="RegistryException"/> when
/// the version was refused, or what loading threw.</summary>
public sealed class ModelSwapFailedEventArgs(VersionInfo serving, VersionInfo refused, Exception error) : EventArgs
{
    public VersionInfo Serving { get; } = serving;

    public VersionInfo Refused { get; } = refused;

    public Exception Error { get; } = error;
}
