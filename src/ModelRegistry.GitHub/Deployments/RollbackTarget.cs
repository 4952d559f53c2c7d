using ModelRegistry.Manifest;

namespace ModelRegistry.GitHub.Deployments;

/// <summary>
/// The version a gated rollback puts back: the one that held the stage before the current holder, found the way the
/// engine's rollback finds it. A gated rollback is a promotion of that version through the same approval, so the
/// reviewers see (and the deployment records) exactly which version returns.
/// </summary>
public static class RollbackTarget
{
    public static async Task<(int Current, int Previous)> FindAsync(Registry registry, string model, string? stage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var configured = GateKinds.Stage(registry, stage ?? RegistrySettings.Production);
        var view = await registry.LoadModelAsync(model, cancellationToken: cancellationToken);
        if (!view.State.Stages.TryGetValue(configured, out var current))
        {
            throw Errors.Errors.NothingToRollBack(view.Model, configured);
        }

        var history = await registry.HistoryAsync(view.Model, cancellationToken: cancellationToken);
        var previous = history.Reverse()
            .FirstOrDefault(e => e.Operation == Operation.Stage && string.Equals(e.Stage, configured, StringComparison.OrdinalIgnoreCase) && e.Version != current)?.Version;
        return previous is { } found ? (current, found) : throw Errors.Errors.NothingToRollBack(view.Model, configured);
    }
}
