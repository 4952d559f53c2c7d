using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using ModelRegistry.Naming;

namespace ModelRegistry.Retention;

/// <summary>
/// Which versions of a model keep their files. A version is kept when any rule keeps it; whatever a stage or alias
/// points at now is always kept, and so is whatever held a stage within <see cref="StageWindow"/> (a consumer's
/// models.lock.json may still pin it). A field left null is inherited: a model's override from the registry default,
/// the default from "keep everything".
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>How long a version that left a stage stays kept when no policy says: a month of lock files.</summary>
    public static readonly TimeSpan DefaultStageWindow = TimeSpan.FromDays(30);

    /// <summary>Keep the newest N versions (by number).</summary>
    public int? KeepLast { get; init; }

    /// <summary>Keep every version that has a semantic-version label.</summary>
    public bool? KeepLabelled { get; init; }

    /// <summary>Keep every version that held Production (or any other single-version stage) within this window.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public TimeSpan? KeepProductionFor { get; init; }

    /// <summary>Keep every version registered within this many days.</summary>
    public int? KeepDays { get; init; }

    /// <summary>True when the policy keeps everything: no rule would ever let a version go.</summary>
    [JsonIgnore]
    public bool KeepsEverything => KeepLast is null && KeepLabelled is null && KeepProductionFor is null && KeepDays is null;

    [JsonIgnore]
    public TimeSpan StageWindow => KeepProductionFor ?? DefaultStageWindow;

    /// <summary>This policy's fields over <paramref name="fallback"/>'s.</summary>
    public RetentionPolicy Over(RetentionPolicy? fallback) => fallback is null ? this : new()
    {
        KeepLast = KeepLast ?? fallback.KeepLast,
        KeepLabelled = KeepLabelled ?? fallback.KeepLabelled,
        KeepProductionFor = KeepProductionFor ?? fallback.KeepProductionFor,
        KeepDays = KeepDays ?? fallback.KeepDays,
    };

    /// <summary>Refuses a rule that cannot mean what its writer meant (MRB1231).</summary>
    public void Validate()
    {
        if (KeepLast is < 1)
        {
            throw ContractErrors.InvalidRetentionPolicy($"--keep-last {KeepLast} keeps nothing; give 1 or more (the newest version is the one a build just made)");
        }

        if (KeepDays is < 0)
        {
            throw ContractErrors.InvalidRetentionPolicy($"--keep-days {KeepDays} is negative");
        }

        if (KeepProductionFor is { } window && window < TimeSpan.Zero)
        {
            throw ContractErrors.InvalidRetentionPolicy("--keep-production-for is negative");
        }
    }

    /// <summary>The policy as the options that set it, for people: <c>--keep-last 5 --keep-labelled</c>.</summary>
    public override string ToString()
    {
        if (KeepsEverything)
        {
            return "keep everything";
        }

        var text = new StringBuilder();
        if (KeepLast is { } last)
        {
            text.Append(CultureInfo.InvariantCulture, $"--keep-last {last} ");
        }

        if (KeepLabelled is { } labelled)
        {
            text.Append(labelled ? "--keep-labelled " : "--keep-labelled false ");
        }

        if (KeepProductionFor is { } window)
        {
            text.Append(CultureInfo.InvariantCulture, $"--keep-production-for {Durations.Format(window)} ");
        }

        if (KeepDays is { } days)
        {
            text.Append(CultureInfo.InvariantCulture, $"--keep-days {days} ");
        }

        return text.ToString().TrimEnd();
    }
}
