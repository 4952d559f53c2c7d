using System.IO.Compression;
using System.Reflection;
using System.Text;
using Microsoft.ML;
using ModelRegistry.Schemas;

namespace ModelRegistry.ML.Schemas;

/// <summary>
/// Reads the schema of an ML.NET model zip at registration (docs/schemas.md). A file is an ML.NET model when it has
/// the layout <see cref="MLNetModelLayout"/> knows; any other zip, such as a zipped data set, is not read. Inputs are the saved input
/// schema's columns; outputs are the columns the model adds or replaces (an input passed through unchanged is not an
/// output). The model is loaded with ML.NET, so a damaged one is refused (MRB2105), and one that needs a component this
/// process does not carry (LightGbm, ONNX, TensorFlow) is registered without a schema and a warning (MRB2106).
/// </summary>
public sealed class MLNetSchemaReader : IModelSchemaReader
{
    // ML.NET 1.5 and later record the version that saved the model ("5.0.1+<commit>").
    private const string VersionEntry = "TrainingInfo/Version.txt";

    public bool IsModel(string path) => MLNetModelLayout.Matches(path);

    public SchemaReading ReadSchema(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ml = new MLContext(seed: 0);
        using var stream = File.OpenRead(path);
        ITransformer model;
        DataViewSchema? inputSchema;
        try
        {
            model = ml.Model.Load(stream, out inputSchema);
        }
        catch (Exception e) when (MissingAssembly(e) is { } missing)
        {
            return SchemaReading.NotRead(Errors.SchemaNotReadWarning(path, $"it uses a component from {missing}, which this tool does not carry"));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or InvalidDataException or IOException or TargetInvocationException
            or ArgumentException or OverflowException or IndexOutOfRangeException or NotSupportedException)
        {
            // ML.NET reports damage mostly as FormatException, wrapped by the component loader; the other types are what
            // its binary readers throw on lengths and counts that a damaged entry makes nonsensical.
            throw Errors.MLNetModelUnreadable(path, Innermost(e).Message);
        }

        if (inputSchema is null)
        {
            return SchemaReading.NotRead(Errors.SchemaNotReadWarning(path, "it was saved without its input schema"));
        }

        var outputSchema = model.GetOutputSchema(inputSchema);
        var replaced = outputSchema.Where(c => c.IsHidden).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var outputs = outputSchema
            .Where(c => !c.IsHidden && !PassedThrough(c, inputSchema, replaced))
            .Select(c => MLNetColumns.Column(c.Name, c.Type))
            .ToList();
        return SchemaReading.Of(new ModelSchema
        {
            Format = ModelSchema.MLNet,
            Inputs = MLNetColumns.From(inputSchema),
            Outputs = outputs,
            Producer = "ML.NET",
            ProducerVersion = SavedBy(path),
        });
    }

    /// <summary>An output column that is an input column left as it came: same name and type, and never replaced (a
    /// transform that writes a column under an existing name hides the earlier one, which stays in the schema).</summary>
    private static bool PassedThrough(DataViewSchema.Column column, DataViewSchema input, HashSet<string> replaced) =>
        !replaced.Contains(column.Name) && input.GetColumnOrNull(column.Name) is { IsHidden: false } original && original.Type.Equals(column.Type);

    private static string? SavedBy(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        if (zip.GetEntry(VersionEntry) is not { Length: < 1024 } entry)
        {
            return null;
        }

        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var version = reader.ReadToEnd().Split('+')[0].Trim();
        return version.Length > 0 ? version : null;
    }

    /// <summary>The assembly of a model's component that this process cannot load. ML.NET loads it by the name the
    /// model records; the model file itself is already open, so a missing file here is that assembly.</summary>
    private static string? MissingAssembly(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            var name = inner switch
            {
                FileNotFoundException missing => missing.FileName,
                FileLoadException unloadable => unloadable.FileName,
                _ => null,
            };
            if (name is not null)
            {
                return name.Split(',')[0];
            }
        }

        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null && e is TargetInvocationException or InvalidOperationException)
        {
            e = e.InnerException;
        }

        return e;
    }
}
