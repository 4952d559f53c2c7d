using System.Text.Json;
using Json.Schema;

namespace ModelRegistry.TestSupport;

/// <summary>The JSON Schemas published in docs/schemas, for validating what the tool really printed.</summary>
public static class PublishedSchemas
{
    private static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>Every way <paramref name="json"/> breaks docs/schemas/&lt;<paramref name="schemaName"/>&gt;.schema.json; empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string schemaName, string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder.Value, schemaName + ".schema.json")));
        using var document = JsonDocument.Parse(json);
        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return evaluation.IsValid
            ? []
            : [.. (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{schemaName} {d.InstanceLocation}: {e.Value}")).DefaultIfEmpty($"{schemaName}: invalid")];
    }

    private static string FindFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ModelRegistry.Build.sln")))
            {
                return Path.Combine(folder.FullName, "docs", "schemas");
            }
        }

        throw new InvalidOperationException("The repository root (ModelRegistry.Build.sln) is not above the test assembly.");
    }
}
