using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelRegistry.Runtime;

namespace ModelRegistry;

/// <summary>
/// The one JSON spelling of the tool's result documents, shared by the tool that writes them and the faces that read
/// them: camelCase, numbers as numbers, no nulls, enums as camelCase text, non-ASCII as written. The records are serialized with
/// source-generated metadata, so no face reflects over them at run time.
/// </summary>
public static class ContractJson
{
    /// <summary>The options, with the generated metadata of every contract record first in the resolver chain.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented, as the tool prints its documents.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Reads a document; throws <see cref="JsonException"/> when it is not one.</summary>
    public static T Deserialize<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize(json, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))) ?? throw new JsonException("the document is empty (null)");

    /// <summary>Adds the contract records' metadata in front of another options' resolvers (the engine's own JSON).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.TypeInfoResolverChain.Insert(0, ContractJsonContext.Default);
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = ContractJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Generated metadata of every record in the contract.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(VersionInfo))]
[JsonSerializable(typeof(RegistrationDocument))]
[JsonSerializable(typeof(NotRegisteredDocument))]
[JsonSerializable(typeof(PulledVersionDocument))]
[JsonSerializable(typeof(RestoreDocument))]
[JsonSerializable(typeof(VersionLineage))]
[JsonSerializable(typeof(DatasetLineage))]
[JsonSerializable(typeof(VersionDiff))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(ProvenanceFileDocument))]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(ShowDocument))]
[JsonSerializable(typeof(StageChangeDocument))]
[JsonSerializable(typeof(PromotionRequestDocument))]
[JsonSerializable(typeof(GateDocument))]
[JsonSerializable(typeof(CopyDocument))]
[JsonSerializable(typeof(ModelListDocument))]
[JsonSerializable(typeof(VersionListDocument))]
[JsonSerializable(typeof(HistoryDocument))]
[JsonSerializable(typeof(AliasRemovedDocument))]
[JsonSerializable(typeof(VerifyReport))]
[JsonSerializable(typeof(SignatureDocument))]
[JsonSerializable(typeof(GcReport))]
[JsonSerializable(typeof(RetentionDocument))]
[JsonSerializable(typeof(IReadOnlyList<ModelRegistry.Retention.RetentionRevision>))]
[JsonSerializable(typeof(ModelRegistry.Metrics.Verdict))]
[JsonSerializable(typeof(ModelRegistry.Schemas.ModelSchema))]
[JsonSerializable(typeof(TrustPolicyFile))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;
