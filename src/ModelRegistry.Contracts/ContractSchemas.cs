using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ModelRegistry.Runtime;

namespace ModelRegistry;

/// <summary>
/// The JSON Schema of every result document in the contract, generated from the records themselves, so the schemas
/// published under docs/schemas can never say something the tool does not write: a test compares them with these,
/// and validates the tool's real output against the published files.
/// </summary>
public static class ContractSchemas
{
    /// <summary>Each document by its schema name (docs/schemas/&lt;name&gt;.schema.json) and the commands that print it.</summary>
    public static IReadOnlyList<ContractDocument> Documents { get; } =
    [
        new("version", typeof(VersionInfo), "resolve, alias set"),
        new("registration", typeof(RegistrationDocument), "register (the version stands)"),
        new("not-registered", typeof(NotRegisteredDocument), "register (a threshold was missed, exit 3)"),
        new("pull", typeof(PulledVersionDocument), "pull"),
        new("restore", typeof(RestoreDocument), "restore"),
        new("show", typeof(ShowDocument), "show"),
        new("stage-change", typeof(StageChangeDocument), "promote, archive, rollback"),
        new("promotion-request", typeof(PromotionRequestDocument), "promote request"),
        new("gate", typeof(GateDocument), "gate pull-request"),
        new("copy", typeof(CopyDocument), "copy"),
        new("models", typeof(ModelListDocument), "list"),
        new("versions", typeof(VersionListDocument), "list <model>"),
        new("history", typeof(HistoryDocument), "history"),
        new("alias-removed", typeof(AliasRemovedDocument), "alias remove"),
        new("verify", typeof(VerifyReport), "verify"),
        new("signatures", typeof(SignatureDocument), "verify-signature, sign"),
        new("gc", typeof(GcReport), "gc"),
        new("retention", typeof(RetentionDocument), "retention set, clear, apply, show"),
        new("retention-history", typeof(IReadOnlyList<ModelRegistry.Retention.RetentionRevision>), "retention show --history"),
        new("evaluation", typeof(ModelRegistry.Metrics.Verdict), "evaluate"),
        new("lineage", typeof(VersionLineage), "lineage <reference>"),
        new("dataset-lineage", typeof(DatasetLineage), "lineage --dataset"),
        new("diff", typeof(VersionDiff), "diff"),
        new("report", typeof(ReportDocument), "report"),
        new("provenance-file", typeof(ProvenanceFileDocument), "provenance --output (without it, the in-toto statement itself)"),
        new("error", typeof(ErrorDocument), "every command that fails before it has a result"),
    ];

    /// <summary>The schema of one document, as the published file holds it (indented, LF, final newline).</summary>
    public static string Schema(ContractDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(ContractJson.Options, document.Type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        OmittedWhenNull(schema);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = $"model-registry {document.Name} document",
            ["description"] = $"What model-registry prints with --json for: {document.PrintedBy}.",
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(key);
            root[key] = value;
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The tool leaves a property out rather than write null: a property that can be null is never required.</summary>
    private static void OmittedWhenNull(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                OmittedWhenNull(item);
            }

            return;
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties && schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).ToList())
            {
                if (properties[name]?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
                {
                    required.Remove(required.First(r => r!.GetValue<string>() == name));
                }
            }
        }

        foreach (var (_, child) in schema.ToList())
        {
            OmittedWhenNull(child);
        }
    }
}

/// <summary>A result document of the tool: its schema name, its record and the commands that print it.</summary>
public sealed record ContractDocument(string Name, Type Type, string PrintedBy);
