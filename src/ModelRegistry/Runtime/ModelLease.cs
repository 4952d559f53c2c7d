namespace ModelRegistry.Runtime;

/// <summary>
/// The use of one served version for one request (<see cref="ModelSlot{T}.Acquire"/>): the version stays loaded until
/// the lease is disposed, even when a newer version is swapped in meanwhile. Dispose each lease once.
/// </summary>
public readonly struct ModelLease<T> : IDisposable, IEquatable<ModelLease<T>>
    where T : class
{
    private readonly ServedVersion<T> served;

    internal ModelLease(ServedVersion<T> served)
    {
        this.served = served;
    }

    /// <summary>What was loaded for the version: a prediction engine pool, an inference session.</summary>
    public T Value => served.Value;

    /// <summary>The exact version this request is served by.</summary>
    public VersionInfo Version => served.Version;

    public static bool operator ==(ModelLease<T> left, ModelLease<T> right) => left.Equals(right);

    public static bool operator !=(ModelLease<T> left, ModelLease<T> right) => !left.Equals(right);

    public void Dispose() => served?.Release();

    public bool Equals(ModelLease<T> other) => ReferenceEquals(served, other.served);

    public override bool Equals(object? obj) => obj is ModelLease<T> other && Equals(other);

    public override int GetHashCode() => served?.GetHashCode() ?? 0;
}
