using Microsoft.Build.Framework;

namespace ModelRegistry.Build.References;

/// <summary>A ModelReference item as the build reads it: the model and the version reference it asks for.</summary>
internal sealed record ReferenceRequest(string Model, string Requested)
{
    /// <summary>What a ModelReference without Version metadata asks for.</summary>
    public const string Latest = "latest";

    public static ReferenceRequest From(ITaskItem item)
    {
        var version = item.GetMetadata("Version").Trim();
        return new ReferenceRequest(item.ItemSpec.Trim(), version.Length == 0 ? Latest : version);
    }

    /// <summary>The reference the tool understands: <c>FraudDetection@Production</c>.</summary>
    public string Reference => $"{Model}@{Requested}";
}
