using ModelRegistry.Naming;

namespace ModelRegistry.Runtime;

/// <summary>A reference a project consumes: the model and the version reference it asks for, as written in a
/// ModelReference item's Version metadata or a <c>restore --reference</c> argument.</summary>
public sealed record ReferenceRequest(string Model, string Requested)
{
    /// <summary>What a reference without a version asks for.</summary>
    public const string Latest = "latest";

    /// <summary>Reads <c>FraudDetection@Production</c>, or <c>FraudDetection</c> for the latest version; the name and
    /// the version reference are checked (MRB1001, MRB1002).</summary>
    public static ReferenceRequest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var parsed = ModelReference.Parse(trimmed);
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return new ReferenceRequest(parsed.Model, at < 0 ? Latest : trimmed[(at + 1)..]);
    }

    /// <summary>Refuses a project that references one model twice (MRB1605): one lock entry and one cache answer per model.</summary>
    public static void EnsureDistinct(IEnumerable<ReferenceRequest> requests)
    {
        var duplicate = requests.GroupBy(r => r.Model, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw ContractErrors.DuplicateModelReference(duplicate.Key);
        }
    }

    /// <summary>The reference the registry understands: <c>FraudDetection@Production</c>.</summary>
    public string Reference => $"{Model}@{Requested}";
}
