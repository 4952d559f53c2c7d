using System.IO.Compression;
using System.Text;

namespace ModelRegistry.Schemas;

/// <summary>
/// Whether a file is an ML.NET model: a <c>.zip</c> laid out as <c>MLContext.Model.Save</c> writes it (a
/// <c>TransformerChain/</c> or <c>DataLoaderModel/</c> model); any other zip, such as a zipped data set, is not. Known
/// to the engine without ML.NET, so a registration with no ML.NET schema reader can say what it did not read.
/// </summary>
public static class MLNetModelLayout
{
    // The models MLContext.Model.Save writes: a transformer (with the input schema in "Schema") or a data loader.
    private static readonly string[] ModelEntries = ["TransformerChain/Model.key", "DataLoaderModel/Model.key"];

    // The first entries a save writes; a zip cut short has lost its directory (at the end) but not its first entry.
    private static readonly string[] LayoutFolders = ["TrainingInfo/", "TransformerChain/", "DataLoaderModel/"];

    public static bool Matches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var zip = ZipFile.OpenRead(path);
            return ModelEntries.Any(name => zip.GetEntry(name) is not null);
        }
        catch (InvalidDataException)
        {
            var first = FirstEntryName(path);
            return LayoutFolders.Any(folder => first.StartsWith(folder, StringComparison.Ordinal));
        }
    }

    /// <summary>The name in a zip's first local file header (signature, 26 bytes of fields, the name's length at 26).</summary>
    private static string FirstEntryName(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[30];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || BitConverter.ToUInt32(header) != 0x04034b50)
        {
            return "";
        }

        var name = new byte[BitConverter.ToUInt16(header[26..])];
        return stream.ReadAtLeast(name, name.Length, throwOnEndOfStream: false) == name.Length ? Encoding.UTF8.GetString(name) : "";
    }
}
