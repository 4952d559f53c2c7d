namespace ModelRegistry.Runtime;

/// <summary>
/// One loaded version inside a <see cref="ModelSlot{T}"/>, counted while requests use it. The slot holds one count
/// itself until a newer version replaces it; the last request to let go of a replaced version disposes what was
/// loaded, so nothing in use is ever disposed under a request.
/// </summary>
public sealed class ServedVersion<T>
    where T : class
{
    private int references = 1;

    internal ServedVersion(VersionInfo version, T value)
    {
        Version = version;
        Value = value;
    }

    public VersionInfo Version { get; }

    public T Value { get; }

    /// <summary>Counts one more user, unless the version was replaced and everyone let go of it.</summary>
    internal bool TryAcquire()
    {
        var seen = Volatile.Read(ref references);
        while (seen > 0)
        {
            var before = Interlocked.CompareExchange(ref references, seen + 1, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref references) == 0 && Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
