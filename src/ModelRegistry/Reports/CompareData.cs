using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelRegistry.Reports;

/// <summary>
/// The data the comparison on the model page reads (assets/report.js): every version's metrics, recipe fields and
/// files, the Production version and the fixed thresholds. It sits in a <c>&lt;script type="application/json"&gt;</c>
/// block, which browsers never execute; every '&lt;', '&gt;', '&amp;' and quote is written as \u escape, so no stored
/// text can close the block.
/// </summary>
internal static class CompareData
{
    public const string ElementId = "compare-data";

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string Block(ReportModel model)
    {
        var versions = new JsonArray();
        foreach (var version in model.Versions)
        {
            var metrics = new JsonObject();
            foreach (var (name, value) in version.Info.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Where(m => double.IsFinite(m.Value)))
            {
                metrics[name] = value;
            }

            var recipe = new JsonObject();
            foreach (var field in RecipeFields.Of(version.Record.Recipe))
            {
                recipe[field.Name] = field.Value;
            }

            var files = new JsonObject();
            foreach (var file in version.Info.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                files[file.Path] = file.Digest;
            }

            versions.Add(new JsonObject
            {
                ["version"] = version.Number,
                ["label"] = version.Info.Label,
                ["stage"] = version.Info.Stage,
                ["purged"] = version.Purged,
                ["metrics"] = metrics,
                ["recipe"] = recipe,
                ["files"] = files,
            });
        }

        var thresholds = new JsonArray([.. model.Thresholds.Select(t => (JsonNode)new JsonObject
        {
            ["metric"] = t.Metric,
            ["operator"] = t.Operator,
            ["bound"] = t.Bound,
            ["source"] = t.Source,
        })]);
        var data = new JsonObject
        {
            ["production"] = model.Holder(Manifest.RegistrySettings.Production),
            ["thresholds"] = thresholds,
            ["versions"] = versions,
        };
        return $"<script type=\"application/json\" id=\"{ElementId}\">{data.ToJsonString(Options)}</script>";
    }
}
