using ModelRegistry.Policies;

namespace ModelRegistry.GitHub;

/// <summary>Checks, before anything is written on GitHub, that a stage's policy accepts a gate's kind of evidence;
/// the engine checks it again when it moves the pointer.</summary>
internal static class GateKinds
{
    public static void EnsureAccepted(StagePolicy policy, string model, string stage, string kind)
    {
        if (policy.Requires.Count > 0 && !policy.Requires.Any(r => r == StagePolicy.Approval || r == kind))
        {
            throw GitHubErrors.GitHubGateKindNotAllowed(model, stage, kind, policy.Requires);
        }
    }

    public static string Stage(Registry registry, string stage) =>
        registry.Settings.Stage(stage);

    /// <summary>A reference that cannot move between the check and the commit: model@number.</summary>
    public static string Exact(VersionInfo version) => $"{version.Model}@{version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
