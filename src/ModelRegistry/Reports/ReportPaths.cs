using System.Text;

namespace ModelRegistry.Reports;

/// <summary>
/// Where each page of the site lives, relative to the output folder with '/' separators: <c>index.html</c>,
/// <c>models/&lt;model&gt;/index.html</c>, <c>models/&lt;model&gt;/history.html</c>, <c>models/&lt;model&gt;/v&lt;N&gt;.html</c>
/// and <c>assets/</c>. Model folder names keep only characters safe in every file system and URL.
/// </summary>
public static class ReportPaths
{
    public const string Index = "index.html";

    public const string Css = "assets/report.css";

    public const string Script = "assets/report.js";

    /// <summary>The list of files the report wrote, so a later run removes only its own.</summary>
    public const string Manifest = ".model-registry-report.json";

    public static string ModelPage(string model) => $"models/{Folder(model)}/index.html";

    public static string HistoryPage(string model) => $"models/{Folder(model)}/history.html";

    public static string VersionPage(string model, int version) => $"models/{Folder(model)}/v{Formats.Integer(version)}.html";

    /// <summary>The version's provenance statement (in-toto with SLSA Provenance v1, as <c>model-registry provenance</c>
    /// prints it), for download beside its page.</summary>
    public static string ProvenanceFile(string model, int version) => $"models/{Folder(model)}/v{Formats.Integer(version)}.provenance.json";

    /// <summary>How a page links to another: paths are relative, so the site works from file:// and under any prefix.</summary>
    public static string Relative(string from, string to)
    {
        var fromFolders = from.Split('/')[..^1];
        var toParts = to.Split('/');
        var common = 0;
        while (common < fromFolders.Length && common < toParts.Length - 1 && fromFolders[common] == toParts[common])
        {
            common++;
        }

        return string.Concat(Enumerable.Repeat("../", fromFolders.Length - common)) + string.Join('/', toParts[common..]);
    }

    /// <summary>A model's folder: its name when every character is safe and it is no device name, else a cleaned name
    /// with a hash of the original (model names are validated, so that is a defence, not a path taken).</summary>
    public static string Folder(string model)
    {
        var cleaned = new string([.. model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        var reserved = cleaned.Split('.')[0].ToUpperInvariant() is "CON" or "PRN" or "AUX" or "NUL" or "COM1" or "LPT1";
        if (cleaned == model && !reserved && model.Length > 0 && char.IsAsciiLetterOrDigit(model[0]))
        {
            return model;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(model)))[..12];
        return $"m_{cleaned.TrimStart('.')}_{hash}";
    }
}
