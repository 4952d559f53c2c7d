namespace ModelRegistry.Runtime;

/// <summary>A watched reference now names another version. <see cref="Model"/> is set when the watch pulls.</summary>
public sealed class ModelChangedEventArgs(VersionInfo previous, VersionInfo current, CachedModel? model) : EventArgs
{
    public VersionInfo Previous { get; } = previous;

    public VersionInfo Current { get; } = current;

    public CachedModel? Model { get; } = model;
}
