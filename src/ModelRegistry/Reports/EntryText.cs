using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelRegistry.Manifest;

namespace ModelRegistry.Reports;

/// <summary>How the report words a revision and the evidence it carries, as escaped markup.</summary>
internal static class EntryText
{
    public static string Describe(LogEntry entry) => Html.Encode(RevisionText.Describe(entry));

    /// <summary>The approval behind a revision: its kind, the approvers, and the gate's details (links kept only when http(s)).</summary>
    public static string Evidence(LogEntry entry)
    {
        if (entry.Evidence is not { } evidence)
        {
            return "";
        }

        var html = new StringBuilder();
        if (evidence["kind"] is JsonValue kind)
        {
            html.Append("<span class=\"evidence-kind\">").Append(Html.Encode(Scalar(kind))).Append("</span>");
        }

        if (evidence["approvers"] is JsonArray { Count: > 0 } approvers)
        {
            html.Append(" approved by ").Append(Html.Encode(string.Join(", ", approvers.Select(a => a is JsonValue v ? Scalar(v) : ""))));
        }

        if (evidence["details"] is JsonObject details)
        {
            foreach (var (key, value) in details.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                if (value is JsonValue scalar)
                {
                    var text = Scalar(scalar);
                    html.Append("<br>").Append(Html.Encode(key)).Append(": ").Append(Html.Link(text, text));
                }
            }
        }

        if (evidence["evaluation"] is JsonObject evaluation && evaluation["passed"] is JsonValue passed)
        {
            html.Append("<br>thresholds ").Append(passed.TryGetValue<bool>(out var ok) && ok ? "passed" : "not passed");
        }

        if (evidence["breakingSchema"]?["reason"] is JsonValue reason)
        {
            html.Append("<br>breaking schema allowed: ").Append(Html.Encode(Scalar(reason)));
        }

        return html.ToString();
    }

    private static string Scalar(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
