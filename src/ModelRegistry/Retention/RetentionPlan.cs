using System.Globalization;
using ModelRegistry.Manifest;
using ModelRegistry.Naming;

namespace ModelRegistry.Retention;

/// <summary>The rules of a retention policy, applied to a model's folded history. Pure: no storage, no clock.</summary>
public static class RetentionRules
{
    /// <summary>Each version not purged yet, with the rules that keep it; a version no rule keeps is to be purged.</summary>
    public static IReadOnlyList<(int Version, IReadOnlyList<string> Rules)> Decide(ModelHistory history, RetentionPolicy? policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        var state = history.State;
        var decided = new List<(int, IReadOnlyList<string>)>();
        foreach (var facts in history.Versions.Values)
        {
            var version = facts.Version;
            if (state.Purged.ContainsKey(version))
            {
                continue;
            }

            var rules = new List<string>();
            if (policy is null)
            {
                rules.Add("no retention policy");
            }

            rules.AddRange(state.Stages.Where(s => s.Value == version).Select(s => $"holds {s.Key}"));
            rules.AddRange(state.Aliases.Where(a => a.Value == version).Select(a => $"alias {a.Key}"));
            rules.AddRange(state.RollbackTargets().Where(t => t.Version == version).Select(t => $"rollback target of {t.Stage}"));
            if (policy is not null)
            {
                if (!rules.Any(r => r.StartsWith("holds ", StringComparison.Ordinal))
                    && history.LeftStage.TryGetValue(version, out var left) && left is { } leftAt && leftAt >= now - policy.StageWindow)
                {
                    rules.Add($"left a stage {Ago(now - leftAt)} ago (window {Durations.Format(policy.StageWindow)})");
                }

                if (policy.KeepLast is { } last && version > state.LatestVersion - last)
                {
                    rules.Add($"among the last {last}");
                }

                if (policy.KeepLabelled == true && facts.Label is { } label)
                {
                    rules.Add($"labelled {label}");
                }

                if (policy.KeepDays is { } days && facts.Registered >= now - TimeSpan.FromDays(days))
                {
                    rules.Add($"registered within {days}d");
                }
            }

            decided.Add((version, rules));
        }

        return decided;
    }

    private static string Ago(TimeSpan span) =>
        span.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d")
        : span.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)}m");
}
