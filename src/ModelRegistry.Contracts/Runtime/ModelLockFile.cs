using System.Text;
using System.Text.Json;
using ModelRegistry.Content;
using ModelRegistry.Schemas;
using ModelRegistry.Storage;

namespace ModelRegistry.Runtime;

/// <summary>
/// models.lock.json: the exact version every ModelReference of a project was pinned to, like packages.lock.json.
/// Written with sorted keys and LF line ends so that it diffs cleanly and an unchanged lock is byte-identical.
/// </summary>
public sealed class ModelLockFile
{
    public const int FormatVersion = 1;

    public ModelLockFile(IEnumerable<LockedModel> models)
    {
        Models = [.. models.OrderBy(m => m.Model, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Model, StringComparer.Ordinal)];
    }

    public IReadOnlyList<LockedModel> Models { get; }

    public LockedModel? Find(string model) =>
        Models.FirstOrDefault(m => string.Equals(m.Model, model, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a lock file; null when it does not exist. Throws MRB1604 when it cannot be read.</summary>
    public static ModelLockFile? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var format = root.GetProperty("version").GetInt32();
            if (format != FormatVersion)
            {
                throw ContractErrors.LockFileMalformed(path, $"format version {format}, this package reads {FormatVersion}");
            }

            var models = new List<LockedModel>();
            foreach (var model in root.GetProperty("models").EnumerateObject())
            {
                var entry = model.Value;
                var files = entry.GetProperty("files").EnumerateArray()
                    .Select(f => new ArtifactFile(SafePath(f.GetProperty("path").GetString()!), f.GetProperty("size").GetInt64(), Digest(f.GetProperty("digest").GetString()!)))
                    .ToList();
                models.Add(new LockedModel(model.Name, entry.GetProperty("requested").GetString()!, entry.GetProperty("resolved").GetInt32(), Digest(entry.GetProperty("digest").GetString()!), files)
                {
                    Trust = entry.TryGetProperty("trust", out var trust) ? ReadTrust(trust) : null,
                    Schema = entry.TryGetProperty("schema", out var schema) ? ReadSchema(schema) : null,
                    SchemaPin = entry.TryGetProperty("schemaPin", out var pin) ? Digest(pin.GetString()!) : null,
                });
            }

            return new ModelLockFile(models);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw ContractErrors.LockFileMalformed(path, e.Message);
        }
    }

    private static LockedTrust ReadTrust(JsonElement trust) => new(
        Digest(trust.GetProperty("policy").GetString()!),
        trust.GetProperty("stage").GetString()!,
        [.. trust.GetProperty("signatures").EnumerateArray().Select(s => new LockedSignature(
            s.GetProperty("kind").GetString()!,
            s.GetProperty("keyId").GetString()!,
            s.TryGetProperty("signedAt", out var at) ? at.GetDateTimeOffset() : null,
            s.TryGetProperty("revision", out var revision) ? revision.GetInt64() : null))]);

    private static ModelSchema ReadSchema(JsonElement schema) => new()
    {
        Format = schema.GetProperty("format").GetString()!,
        Inputs = ReadColumns(schema.GetProperty("inputs")),
        Outputs = ReadColumns(schema.GetProperty("outputs")),
    };

    private static List<SchemaColumn> ReadColumns(JsonElement columns) =>
        [.. columns.EnumerateArray().Select(c => new SchemaColumn(
            c.GetProperty("name").GetString()!,
            c.GetProperty("type").GetString()!,
            c.TryGetProperty("shape", out var shape) ? [.. shape.EnumerateArray().Select(d => d.GetInt64())] : null))];

    // A lock file comes with the repository, so a pull request can change it: a digest or a path in it must not
    // lead the build anywhere outside the version's folder in the cache.
    private static string Digest(string value) =>
        value.StartsWith("sha256:", StringComparison.Ordinal) && value.Length == 71 && value[7..].All(Uri.IsHexDigit)
            ? value
            : throw new FormatException($"'{value}' is not a sha256 digest");

    private static string SafePath(string value) =>
        value.Length > 0 && !Path.IsPathRooted(value) && !value.Replace('\\', '/').Split('/').Any(s => s is "" or "." or "..")
            ? value
            : throw new FormatException($"'{value}' is not a relative path inside a model version");

    /// <summary>The file's exact text.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartObject("models");
            foreach (var model in Models)
            {
                writer.WriteStartObject(model.Model);
                writer.WriteString("requested", model.Requested);
                writer.WriteNumber("resolved", model.Version);
                writer.WriteString("digest", model.Digest);
                writer.WriteStartArray("files");
                foreach (var file in model.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", file.Path);
                    writer.WriteNumber("size", file.Size);
                    writer.WriteString("digest", file.Digest);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (model.Trust is { } trust)
                {
                    WriteTrust(writer, trust);
                }

                if (model.Schema is { } schema)
                {
                    WriteSchema(writer, schema);
                }

                if (model.SchemaPin is { } pin)
                {
                    writer.WriteString("schemaPin", pin);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteTrust(Utf8JsonWriter writer, LockedTrust trust)
    {
        writer.WriteStartObject("trust");
        writer.WriteString("policy", trust.Policy);
        writer.WriteString("stage", trust.Stage);
        writer.WriteStartArray("signatures");
        foreach (var signature in trust.Signatures.OrderBy(s => s.Kind, StringComparer.Ordinal).ThenBy(s => s.KeyId, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", signature.Kind);
            writer.WriteString("keyId", signature.KeyId);
            if (signature.Revision is { } revision)
            {
                writer.WriteNumber("revision", revision);
            }

            if (signature.SignedAt is { } signedAt)
            {
                writer.WriteString("signedAt", signedAt.ToUniversalTime());
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSchema(Utf8JsonWriter writer, ModelSchema schema)
    {
        writer.WriteStartObject("schema");
        writer.WriteString("format", schema.Format);
        WriteColumns(writer, "inputs", schema.Inputs);
        WriteColumns(writer, "outputs", schema.Outputs);
        writer.WriteEndObject();
    }

    private static void WriteColumns(Utf8JsonWriter writer, string name, IReadOnlyList<SchemaColumn> columns)
    {
        writer.WriteStartArray(name);
        foreach (var column in columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            if (column.Shape is { } shape)
            {
                writer.WriteStartArray("shape");
                foreach (var dimension in shape)
                {
                    writer.WriteNumberValue(dimension);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the file only when its text changes (so its timestamp moves only with its content); true when written.</summary>
    public bool WriteIfChanged(string path)
    {
        try
        {
            return ChangedFile.WriteIfChanged(path, Encoding.UTF8.GetBytes(ToJson()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ContractErrors.LockFileUnwritable(path, e.Message);
        }
    }
}
