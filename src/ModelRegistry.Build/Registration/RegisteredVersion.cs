namespace ModelRegistry.Build.Registration;

/// <summary>A model version the last registration of a project registered or found unchanged.</summary>
internal sealed record RegisteredVersion(string Model, int Version, string Digest);
