using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ModelRegistry.Metrics;

namespace ModelRegistry;

/// <summary>The document of <c>register</c> when the version stands: the version, what the registration did, and the
/// evaluation of its thresholds.</summary>
public sealed record RegistrationDocument : VersionInfo
{
    [JsonConstructor]
    public RegistrationDocument()
    {
    }

    [SetsRequiredMembers]
    public RegistrationDocument(VersionInfo version)
        : base(version)
    {
    }

    /// <summary>True when this registration created the version; false when the recipe already had one.</summary>
    public bool IsNew { get; init; }

    /// <summary>True when the recipe's version had been purged by retention and this registration stored its files again.</summary>
    public bool Restored { get; init; }

    /// <summary>Always true here: a version that did not pass is reported by <see cref="NotRegisteredDocument"/>.</summary>
    public bool Passed { get; init; } = true;

    /// <summary>Bytes uploaded: 0 when every file was already stored.</summary>
    public long BytesUploaded { get; init; }

    /// <summary>Each threshold's verdict.</summary>
    public Verdict Evaluation { get; init; } = Verdict.Empty;

    /// <summary>Coded warnings of the lineage capture (<c>MRB1551: ...</c>) and of the schema capture (<c>MRB2106: ...</c>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The registration signature made with <c>--sign-key</c> or <c>$MODEL_REGISTRY_SIGNING_KEY</c>.</summary>
    public SignatureEntry? Signature { get; init; }
}

/// <summary>The document of <c>register</c> when the metrics did not pass (exit 3): nothing was registered.</summary>
public sealed record NotRegisteredDocument(string Model, Verdict Evaluation)
{
    /// <summary>Always false here.</summary>
    public bool Registered { get; init; }

    /// <summary>Always false here.</summary>
    public bool Passed { get; init; }
}
