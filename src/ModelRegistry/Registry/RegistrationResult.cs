using ModelRegistry.Metrics;

namespace ModelRegistry;

/// <summary>
/// What a registration did. <see cref="Version"/> is null when the gates failed (nothing was written);
/// <see cref="Created"/> is false when the same recipe was already registered and that version is returned.
/// </summary>
public sealed record RegistrationResult(VersionInfo? Version, bool Created, Verdict Evaluation, long BytesUploaded)
{
    public bool Passed => Evaluation.Passed;

    /// <summary>True when the recipe was that of a purged version: its files were uploaded again and a restore
    /// revision made it pullable again (<see cref="Created"/> stays false: the version is the same).</summary>
    public bool Restored { get; init; }

    /// <summary>A coded warning about the caches after a registration that landed (MRB1109).</summary>
    public string? Warning { get; init; }

    /// <summary>A coded warning that the model file's schema could not be read, so none was recorded (MRB2106).</summary>
    public string? SchemaWarning { get; init; }

    /// <summary>The registration signature made with <see cref="RegistrationRequest.SignWith"/>.</summary>
    public SignatureEntry? Signature { get; init; }
}
