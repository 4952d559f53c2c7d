namespace ModelRegistry.Runtime;

/// <summary>A <see cref="ModelSlot{T}"/> now serves <see cref="Current"/>: loaded, warmed and swapped in.
/// <see cref="Previous"/> is null for the first version a slot loads.</summary>
public sealed class ModelSwappedEventArgs(VersionInfo? previous, VersionInfo current) : EventArgs
{
    public VersionInfo? Previous { get; } = previous;

    public VersionInfo Current { get; } = current;
}
