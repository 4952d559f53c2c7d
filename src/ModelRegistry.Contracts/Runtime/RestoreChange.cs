using System.Text.Json.Serialization;

namespace ModelRegistry.Runtime;

/// <summary>What a restore did to one reference's lock entry.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RestoreChange>))]
public enum RestoreChange
{
    /// <summary>The lock already pinned the reference, and the pin was kept.</summary>
    [JsonStringEnumMemberName("pinned")]
    Pinned,

    /// <summary>The lock did not answer the reference (new, or its version changed): it was resolved now.</summary>
    [JsonStringEnumMemberName("resolved")]
    Resolved,

    /// <summary>A refresh found the reference at another version than the lock pinned.</summary>
    [JsonStringEnumMemberName("moved")]
    Moved,
}
