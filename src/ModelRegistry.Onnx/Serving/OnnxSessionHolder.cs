using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using ModelRegistry.Runtime;

namespace ModelRegistry.Onnx.Serving;

/// <summary>
/// The ONNX Runtime session of the version a reference names now (docs/serving.md): loaded from the verified cache on
/// first use; when the stage moves, the next version's session is created and checked in the background and swapped in
/// at once. Take the session for one request with <see cref="Acquire"/>: a replaced session is disposed when its last
/// lease is, never under a running request.
/// </summary>
public sealed class OnnxSessionHolder : IAsyncDisposable, IDisposable
{
    private readonly ModelSlot<InferenceSession> slot;

    public OnnxSessionHolder(ModelServingOptions options, OnnxSessionDefinition definition, ILogger<OnnxSessionHolder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var log = logger ?? NullLogger<OnnxSessionHolder>.Instance;
        slot = new ModelServingSource(options).Slot<InferenceSession>(definition.Reference, new OnnxSessionLoader(definition).Load, definition.Bundled);
        slot.Swapped += (_, e) =>
        {
            OnnxLog.Serving(log, definition.Reference, e.Current.Reference, e.Current.Digest, e.Previous?.Reference ?? "nothing");
            Swapped?.Invoke(this, e);
        };
        slot.SwapFailed += (_, e) =>
        {
            OnnxLog.Refused(log, e.Error, definition.Reference, e.Refused.Reference, e.Serving.Reference);
            SwapFailed?.Invoke(this, e);
        };
        slot.WatchFailed += (_, e) => OnnxLog.CannotWatch(log, definition.Reference, e.Error.Message, slot.Version!.Reference);
    }

    public event EventHandler<ModelSwappedEventArgs>? Swapped;

    public event EventHandler<ModelSwapFailedEventArgs>? SwapFailed;

    /// <summary>The version served now; null until the first use.</summary>
    public VersionInfo? Version => slot.Version;

    /// <summary>The session served now and its version, for one request: dispose the lease when done.</summary>
    public ModelLease<InferenceSession> Acquire() => slot.Acquire();

    public ValueTask<ModelLease<InferenceSession>> AcquireAsync(CancellationToken cancellationToken = default) => slot.AcquireAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken = default) => slot.StartAsync(cancellationToken);

    /// <summary>Checks the stage now; when it moved, returns once the new session is swapped in. A refused version
    /// throws its coded error and the previous session keeps serving.</summary>
    public Task<VersionInfo> RefreshAsync(CancellationToken cancellationToken = default) => slot.RefreshAsync(cancellationToken);

    public ValueTask DisposeAsync() => slot.DisposeAsync();

    public void Dispose() => slot.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
