namespace ModelRegistry.Reports;

/// <summary>The stylesheet and the one script of the site, embedded in the engine (Reports/Assets).</summary>
internal static class ReportAssets
{
    public static byte[] Css { get; } = Read("report.css");

    public static byte[] Script { get; } = Read("report.js");

    private static byte[] Read(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream("ModelRegistry.Reports.Assets." + name)
            ?? throw new InvalidOperationException($"The engine was built without its report asset {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
