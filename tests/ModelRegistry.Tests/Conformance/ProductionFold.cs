using ModelRegistry.Manifest;

namespace ModelRegistry.Tests.Conformance;

/// <summary>
/// An independent reading of the history: folds the stage revisions by hand and checks that from the first
/// promotion to Production on, exactly one version holds it after every revision, and that each promotion names the
/// version it displaced (so it was decided against the latest state, not a stale one).
/// </summary>
public static class ProductionFold
{
    public static void AssertExactlyOneHolderAfterTheFirst(IReadOnlyList<LogEntry> history)
    {
        int? holder = null;
        var promotions = 0;
        foreach (var entry in history.Where(e => e.Operation == Operation.Stage))
        {
            if (string.Equals(entry.Stage, RegistrySettings.Production, StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(entry.Displaced == holder, $"revision {entry.Revision} displaced {entry.Displaced} while {holder} held Production");
                holder = entry.Version;
                promotions++;
            }
            else if (entry.Version == holder)
            {
                holder = null;
            }

            Assert.True(promotions == 0 || holder is not null, $"after revision {entry.Revision} no version held Production");
        }

        Assert.True(promotions > 0, "nothing was promoted to Production");
    }
}
