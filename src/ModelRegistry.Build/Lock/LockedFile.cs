namespace ModelRegistry.Build.Lock;

/// <summary>One file of a locked model version: its path inside the version, size and sha256 digest.</summary>
internal sealed record LockedFile(string Path, long Size, string Digest);
