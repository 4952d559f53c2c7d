using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>One REST operation as the fixture file describes it: its route, the statuses it may answer, and the
/// example payload of each.</summary>
public sealed record FixtureOperation(string Id, string Method, string PathTemplate, Regex Pattern, IReadOnlyDictionary<int, JsonNode?> Examples, string DocsUrl)
{
    public JsonNode Example(int status) =>
        Examples.TryGetValue(status, out var example) && example is not null
            ? example.DeepClone()
            : throw new InvalidOperationException($"The fixture of {Id} has no example for status {status}.");
}

/// <summary>
/// The fixture files under Fixtures/github: the fake's routes, statuses and payload shapes come from them, so the
/// fake answers what GitHub answers, not what someone remembered.
/// </summary>
public static class FixtureCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, FixtureOperation>> Operations = new(Load);

    public static IReadOnlyDictionary<string, FixtureOperation> All => Operations.Value;

    public static FixtureOperation Get(string id) => All.TryGetValue(id, out var operation) ? operation : throw new InvalidOperationException($"No fixture for {id}.");

    private static Dictionary<string, FixtureOperation> Load()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "github");
        var operations = new Dictionary<string, FixtureOperation>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var id = json["operationId"]!.GetValue<string>();
            var path = json["path"]!.GetValue<string>();
            var examples = json["responses"]!.AsObject().ToDictionary(
                r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture),
                r => r.Value?["example"]);
            operations[id] = new FixtureOperation(id, json["method"]!.GetValue<string>(), path, PatternOf(path), examples, json["docsUrl"]?.GetValue<string>() ?? "");
        }

        return operations;
    }

    /// <summary>/repos/{owner}/{repo}/pulls/{pull_number} → a regex with one named group per parameter.</summary>
    private static Regex PatternOf(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template).Replace("\\{", "{", StringComparison.Ordinal), "{([a-z_]+)}", "(?<$1>[^/]+)");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }
}
