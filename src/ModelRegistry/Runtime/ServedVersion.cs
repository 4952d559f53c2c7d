namespace ModelRegistry.Runtime;

/// <summary>
/// One loaded version inside a <see cref="ModelSlot{T}"/>, counted while requests use it. The slot holds one count
/// itself until a newer version replaces it; what was loaded is disposed once the last user lets go, so nothing in use
/// is ever disposed under a request. When that last user is a request, the disposal (milliseconds for a pool of
/// engines or an inference session) goes to the thread pool rather than onto the request's time.
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

    /// <summary>Lets go of one count; the last one disposes what was loaded, here when <paramref name="disposeHere"/>
    /// (the slot, replacing or stopping), else on the thread pool (a request).</summary>
    internal void Release(bool disposeHere = false)
    {
        if (Interlocked.Decrement(ref references) != 0 || Value is not IDisposable disposable)
        {
            return;
        }

        if (disposeHere)
        {
            disposable.Dispose();
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static loaded => DisposeReplaced(loaded), disposable, preferLocal: false);
        }
    }

    private static void DisposeReplaced(IDisposable loaded)
    {
        try
        {
            loaded.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A version nobody serves any more could not free what it held: no request is waiting for it and the
            // process must not end for it (an exception on the thread pool would end it).
            System.Diagnostics.Trace.TraceWarning($"A replaced model version could not be disposed: {e.Message}");
        }
    }
}
