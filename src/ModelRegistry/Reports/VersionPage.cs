using ModelRegistry.Manifest;

namespace ModelRegistry.Reports;

/// <summary>One version's page: what it is, its files, metrics and evaluation, its recipe, the evidence of every stage
/// move it took part in, and the command to pull it. Nothing on it depends on later versions, so registering another
/// version leaves it untouched.</summary>
internal static class VersionPage
{
    public static byte[] Render(ReportModel model, ReportVersion version)
    {
        var info = version.Info;
        var path = ReportPaths.VersionPage(model.Name, version.Number);
        var page = new HtmlPage(path);
        page.Raw($"<h1>{Html.Encode(model.Name)} version {Formats.Integer(version.Number)}</h1>");
        if (version.Purged)
        {
            page.Raw($"<p class=\"purged\">purged: retention removed the files of this version at revision {Formats.Integer(info.PurgedBy!.Value)}; its record, metrics and lineage stay.</p>");
        }

        page.Raw("<dl class=\"facts\">"
            + Fact("stage", $"<span data-stage=\"{Html.Encode(info.Stage)}\">{Html.Encode(info.Stage)}</span>")
            + Fact("label", Html.Encode(info.Label))
            + Fact("aliases", Html.Encode(string.Join(", ", info.Aliases)))
            + Fact("description", $"<span class=\"text\">{Html.Encode(info.Description)}</span>")
            + Fact("tags", Html.Encode(string.Join(", ", info.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))))
            + Fact("created", $"<time datetime=\"{Formats.Iso(info.Created)}\">{Formats.Time(info.Created)}</time>")
            + Fact("creator", Html.Encode(info.CreatedBy))
            + Fact("digest", $"<code>{Html.Encode(info.Digest)}</code>")
            + Fact("recipe digest", $"<code>{Html.Encode(info.RecipeDigest)}</code>")
            + "</dl>");
        if (model.Version(version.Number - 1) is { } previous)
        {
            page.Raw($"<p><a class=\"compare-link\" href=\"{page.Href(ReportPaths.ModelPage(model.Name))}?left={Formats.Integer(previous.Number)}&amp;right={Formats.Integer(version.Number)}#compare\">Compare with version {Formats.Integer(previous.Number)}</a></p>");
        }

        page.Raw($"<h2>Pull it</h2>\n<pre><code>model-registry pull {Html.Encode(info.Reference)}</code></pre>");
        page.Raw($"<p><a class=\"provenance\" href=\"{page.Href(ReportPaths.ProvenanceFile(model.Name, version.Number))}\" download>Provenance statement</a> "
            + "(in-toto Statement v1 with an SLSA Provenance v1 predicate: ready to sign, for example with <code>cosign attest-blob</code>)</p>");
        page.Raw(Files(version));
        page.Raw(Metrics(version));
        page.Raw(Recipe(version));
        page.Raw(Signatures(version));
        var moves = StageTimeline.Table(model, model.StageMoves.Where(e => e.Version == version.Number || e.Displaced == version.Number), page);
        page.Raw(moves.Rows == 0 ? "<h2>Stage moves</h2>\n<p>This version has not moved between stages.</p>" : $"<h2>Stage moves</h2>\n{moves}");
        return page.Render("version", $"{model.Name} version {version.Number}", [(model.Name, ReportPaths.ModelPage(model.Name)), ($"version {version.Number}", path)]);
    }

    private static string Fact(string name, string value) => value.Length == 0 ? "" : $"<dt>{Html.Encode(name)}</dt><dd>{value}</dd>";

    /// <summary>Who signed the registration and the stage moves, and whether each signature checks out now.</summary>
    private static string Signatures(ReportVersion version)
    {
        if (version.Signatures.Count == 0)
        {
            return "<h2>Signatures</h2>\n<p class=\"unsigned\">Not signed: a trust policy that requires signatures refuses this version (see <code>model-registry sign</code>).</p>";
        }

        var table = new HtmlTable("class=\"signatures\"", "signs", "key id", "signed at", "status");
        foreach (var signature in version.Signatures.OrderBy(s => s.Revision ?? 0).ThenBy(s => s.KeyId, StringComparer.Ordinal))
        {
            var signs = signature.Revision is { } revision ? $"the move into {signature.Stage} (revision {Formats.Integer(revision)})" : "the registration (every file)";
            table.Row(signature.Valid ? "class=\"pass\"" : "class=\"fail\"",
                Html.Encode(signs),
                $"<code>{Html.Encode(signature.KeyId)}</code>",
                signature.SignedAt is { } at ? $"<time datetime=\"{Formats.Iso(at)}\">{Formats.Time(at)}</time>" : "",
                $"<span class=\"text\">{Html.Encode(signature.Valid ? "valid" : "invalid: " + signature.Problem)}</span>");
        }

        return $"<h2>Signatures</h2>\n{table}\n<p>Checked when the site was generated; a consumer's trust policy decides which keys count (<code>model-registry verify-signature {Html.Encode(version.Info.Reference)} --trust trust.json</code>).</p>";
    }

    private static string Files(ReportVersion version)
    {
        var table = new HtmlTable("class=\"files\"", "file", "size", "digest");
        foreach (var file in version.Info.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            table.Row("", $"<td class=\"text\">{Html.Encode(file.Path)}</td>", Formats.Size(file.Size), $"<code>{Html.Encode(file.Digest)}</code>");
        }

        return $"<h2>Files</h2>\n{table}\n<p>{Formats.Size(version.Record.TotalSize)} in all.</p>";
    }

    private static string Metrics(ReportVersion version)
    {
        var metrics = new HtmlTable("class=\"metrics\"", "metric", "value");
        foreach (var (name, value) in version.Info.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            metrics.Row($"data-metric=\"{Html.Encode(name)}\"", $"<td class=\"text\">{Html.Encode(name)}</td>", Formats.Number(value));
        }

        var html = "<h2>Metrics</h2>\n" + (metrics.Rows == 0 ? "<p>No metrics were recorded.</p>" : metrics.ToString());
        if (version.Record.Evaluation is not { } evaluation)
        {
            return html;
        }

        var rules = new HtmlTable("class=\"evaluation\"", "rule", "actual", "bound", "margin", "verdict", "baseline", "note");
        foreach (var rule in evaluation.Rules)
        {
            rules.Row(rule.Passed ? "class=\"pass\"" : "class=\"fail\"",
                $"<td class=\"text\">{Html.Encode(rule.Rule)}</td>",
                rule.Actual is { } actual ? Formats.Number(actual) : "",
                rule.Bound is { } bound ? Formats.Number(bound) : "",
                rule.Margin is { } margin ? Formats.Number(margin) : "",
                rule.Passed ? "pass" : "fail",
                $"<td class=\"text\">{Html.Encode(rule.Baseline)}</td>",
                $"<td class=\"text\">{Html.Encode(rule.Error ?? rule.Note)}</td>");
        }

        return $"{html}\n<h2>Evaluation at registration</h2>\n<p>{(evaluation.Passed ? "Every rule passed." : "Not every rule passed.")}</p>\n{rules}";
    }

    private static string Recipe(ReportVersion version)
    {
        var fields = RecipeFields.Of(version.Record.Recipe);
        var table = new HtmlTable("class=\"recipe\"", "field", "value");
        foreach (var field in fields)
        {
            table.Row($"data-field=\"{Html.Encode(field.Name)}\"", $"<td class=\"text\">{Html.Encode(field.Name)}</td>", $"<td class=\"text\">{Html.Link(field.Url, field.Value)}</td>");
        }

        var warnings = string.Concat(version.Record.Recipe.Warnings.Select(w => $"<li>{Html.Encode(w)}</li>"));
        return "<h2>Recipe</h2>\n" + (table.Rows == 0 ? "<p>No recipe was captured.</p>" : table.ToString())
            + (warnings.Length == 0 ? "" : $"\n<ul class=\"warnings\">{warnings}</ul>");
    }
}
