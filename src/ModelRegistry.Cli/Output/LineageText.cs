using System.Globalization;
using ModelRegistry.Recipes;

namespace ModelRegistry.Cli.Output;

/// <summary>The lineage answers for people: a recipe, a dataset's versions, a diff.</summary>
internal static class LineageText
{
    public static void WriteRecipe(TextWriter writer, Recipe recipe)
    {
        if (recipe.Code is { } code)
        {
            writer.WriteLine("code");
            if (!code.IsRepository)
            {
                writer.WriteLine("  not a git repository");
            }

            Line(writer, "repository", code.RepositoryUrl);
            var where = code.Detached ? "detached HEAD" : code.Branch;
            Line(writer, "commit", code.Commit is null ? null : $"{code.Commit} ({where}{(code.Tag is null ? "" : ", tag " + code.Tag)}{(code.Shallow ? ", shallow clone" : "")})");
            Line(writer, "changes", code.Dirty ? $"uncommitted changes {code.DirtyDigest}" : code.IsRepository ? "none" : null);
            Line(writer, "project", code.ProjectPath);
        }

        if (recipe.Data.Count > 0)
        {
            writer.WriteLine("data");
            foreach (var input in recipe.Data)
            {
                var identity = input.Digest ?? input.ContentMd5 ?? (input.ETag is null ? "recorded as given" : "etag " + input.ETag);
                var extent = input.Kind == DataKinds.Folder ? $"  {input.FileCount} file{(input.FileCount == 1 ? "" : "s")}, {Bytes(input.Size)}" : input.Size is { } size ? $"  {Bytes(size)}" : "";
                writer.WriteLine($"  {input.Kind,-10}  {input.Source}  {identity}{extent}");
            }
        }

        if (recipe.Config.Count > 0)
        {
            writer.WriteLine("config");
            foreach (var config in recipe.Config)
            {
                writer.WriteLine($"  {config.Path}  {config.Digest}{(config.Content is null ? "" : "  (inlined)")}");
            }
        }

        Line(writer, "command", recipe.Command, indent: "");
        if (recipe.Environment is { } environment)
        {
            writer.WriteLine("environment");
            Line(writer, "machine", $"{environment.Os} {environment.Architecture}, {environment.Runtime}");
            foreach (var lockFile in environment.LockFiles)
            {
                Line(writer, "lock", $"{lockFile.Path}  {lockFile.Digest}");
            }

            Line(writer, "image", environment.ContainerImage);
            foreach (var (name, value) in environment.Variables)
            {
                Line(writer, "variable", $"{name}={value}");
            }
        }

        if (recipe.Ci is { } ci)
        {
            writer.WriteLine("ci");
            Line(writer, "run", $"{ci.Provider} {ci.Workflow} run {ci.RunId} attempt {ci.Attempt} ({ci.Event} on {ci.Ref}) by {ci.Actor}");
            Line(writer, "url", ci.RunUrl);
        }

        foreach (var warning in recipe.Warnings)
        {
            writer.WriteLine($"warning {warning}");
        }
    }

    public static void WriteDataset(TextWriter writer, DatasetLineage answer)
    {
        writer.WriteLine($"Dataset {answer.Dataset}{(answer.Digest is null ? "" : $" ({answer.Digest})")}: {answer.Versions.Count} version(s){(answer.AsOf is null ? "" : $", stages as of {answer.AsOf}")}");
        if (answer.Versions.Count > 0)
        {
            TextTable.Write(writer, ["version", "stage", "matched by", "input", "created"], answer.Versions.Select(v => new[]
            {
                $"{v.Model}@{v.Version.ToString(CultureInfo.InvariantCulture)}",
                v.Stage,
                v.MatchedFile is null ? v.MatchedBy : $"{v.MatchedBy} ({v.MatchedFile})",
                v.Input,
                v.Created.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            }));
        }

        var production = answer.InProduction;
        writer.WriteLine(production.Count == 0
            ? $"In Production{(answer.AsOf is null ? " now" : " then")}: none of them."
            : $"In Production{(answer.AsOf is null ? " now" : " then")}: {string.Join(", ", production.Select(v => $"{v.Model}@{v.Version.ToString(CultureInfo.InvariantCulture)}"))}.");
    }

    public static void WriteDiff(TextWriter writer, VersionDiff diff)
    {
        writer.WriteLine($"{Name(diff.Left)} -> {Name(diff.Right)}: {(diff.SameIdentity ? "same recipe identity" : "different recipe identity")}");
        if (diff.Files.Count > 0)
        {
            writer.WriteLine("files");
            TextTable.Write(writer, ["  path", "left", "right"], diff.Files.Select(f => new[] { "  " + f.Field, f.Left ?? "-", f.Right ?? "-" }));
        }

        if (diff.Recipe.Count > 0)
        {
            writer.WriteLine("recipe (* takes part in identity)");
            TextTable.Write(writer, ["  field", "left", "right"], diff.Recipe.Select(c => new[] { $"{(c.Identity ? "* " : "  ")}{Short(c.Field, 72)}", Short(c.Left), Short(c.Right) }));
        }

        if (diff.Metrics.Count > 0)
        {
            writer.WriteLine("metrics");
            TextTable.Write(writer, ["  metric", "left", "right", "delta"], diff.Metrics.Select(m => new[] { "  " + m.Metric, VersionText.Number(m.Left), VersionText.Number(m.Right), m.Delta is { } d ? (d >= 0 ? "+" : "") + VersionText.Number(d) : "-" }));
        }

        if (diff.Schema.Count > 0)
        {
            writer.WriteLine("schema (! breaks a consumer of the left)");
            foreach (var difference in diff.Schema)
            {
                writer.WriteLine($"{(difference.Breaking ? "! " : "  ")}{Schemas.SchemaCompatibility.Describe(difference)}");
            }
        }
    }

    private static string Name(VersionInfo version) => $"{version.Model}@{version.Version.ToString(CultureInfo.InvariantCulture)}";

    private static string Short(string? value, int width = 60)
    {
        if (value is null)
        {
            return "-";
        }

        var line = value.ReplaceLineEndings(" ");
        return line.Length > width ? line[..(width - 3)] + "..." : line;
    }

    private static void Line(TextWriter writer, string name, string? value, string indent = "  ")
    {
        if (value is not null)
        {
            writer.WriteLine($"{indent}{name,-10}  {value}");
        }
    }

    private static string Bytes(long? size) => size switch
    {
        null => "",
        < 1024 => $"{size} bytes",
        < 1024 * 1024 => $"{size / 1024.0:0.#} KiB",
        < 1024L * 1024 * 1024 => $"{size / (1024.0 * 1024):0.#} MiB",
        _ => $"{size / (1024.0 * 1024 * 1024):0.##} GiB",
    };
}
