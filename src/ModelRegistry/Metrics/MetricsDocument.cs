using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ModelRegistry.Metrics;

/// <summary>
/// A metrics file read into dotted names (<c>{"eval": {"auc": 0.9}}</c> gives <c>eval.auc</c>). Numbers are kept;
/// NaN and infinities, which Python's json module writes as bare tokens, are recognised and kept as such so that a
/// rule naming them fails with a clear error instead of a parse error. Anything else is refused.
/// </summary>
public sealed class MetricsDocument
{
    /// <summary>A metrics file is a small document; a bigger one is almost certainly the wrong file.</summary>
    public const long MaxSize = 16 << 20;

    /// <summary>Metrics are a few levels deep; deeper nesting is no metrics file, and the parser stops there.</summary>
    public const int MaxDepth = 32;

    private readonly Dictionary<string, double> numbers;
    private readonly HashSet<string> nonNumbers;

    private MetricsDocument(string source, Dictionary<string, double> numbers, HashSet<string> nonNumbers)
    {
        Source = source;
        this.numbers = numbers;
        this.nonNumbers = nonNumbers;
    }

    public string Source { get; }

    /// <summary>Every numeric metric, including NaN and infinities.</summary>
    public IReadOnlyDictionary<string, double> Values => numbers;

    /// <summary>The finite numeric metrics, as stored in a version record.</summary>
    public IReadOnlyDictionary<string, double> FiniteValues =>
        numbers.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static MetricsDocument FromValues(string source, IReadOnlyDictionary<string, double> values) =>
        new(source, new Dictionary<string, double>(values, StringComparer.Ordinal), []);

    public static MetricsDocument Load(string path)
    {
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                throw Errors.MetricsFileMalformed(path, "it is a folder; pass the JSON file training wrote in it");
            }

            if (!info.Exists)
            {
                throw Errors.MetricsFileNotFound(path);
            }

            // Opening a FIFO blocks until a writer appears, and a device never ends: neither is read.
            if (Content.FileKinds.OfTarget(path) == Content.FileKind.Special)
            {
                throw Errors.MetricsFileMalformed(path, "it is " + Content.FileKinds.Describe(info.FullName));
            }

            if (info.Length > MaxSize)
            {
                throw Errors.MetricsFileMalformed(path, $"it is {info.Length} bytes, more than the {MaxSize} a metrics file may have");
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.MetricsFileMalformed(path, "it cannot be read: " + e.Message);
        }

        return Parse(path, content);
    }

    public static MetricsDocument Parse(string source, ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw Errors.MetricsFileMalformed(source, "it is not UTF-8 text");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(QuoteNonFiniteTokens(text.TrimStart('\uFEFF')), new JsonDocumentOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e) when (e.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            throw Errors.MetricsFileMalformed(source, $"it is nested deeper than {MaxDepth} levels");
        }
        catch (JsonException e)
        {
            throw Errors.MetricsFileMalformed(source, $"invalid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Errors.MetricsFileMalformed(source, $"the top level is {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
            var nonNumbers = new HashSet<string>(StringComparer.Ordinal);
            Flatten(source, document.RootElement, "", numbers, nonNumbers);
            return new MetricsDocument(source, numbers, nonNumbers);
        }
    }

    /// <summary>Finds a metric: its value, or a coded error saying why it cannot be compared.</summary>
    public double Get(string metric)
    {
        if (numbers.TryGetValue(metric, out var value))
        {
            return double.IsFinite(value)
                ? value
                : throw Errors.MetricNotFinite(Source, metric, value.ToString(CultureInfo.InvariantCulture));
        }

        throw nonNumbers.Contains(metric) ? Errors.MetricNotANumber(Source, metric) : Errors.MetricMissing(Source, metric);
    }

    private static void Flatten(string source, JsonElement element, string prefix, Dictionary<string, double> numbers, HashSet<string> nonNumbers)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            if (numbers.ContainsKey(name) || nonNumbers.Contains(name))
            {
                throw Errors.MetricsFileMalformed(source, $"metric '{Errors.Printable(name)}' appears twice");
            }

            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    // Kept as a non-number so a repeated object key is caught and a rule naming it says "not a number".
                    nonNumbers.Add(name);
                    Flatten(source, property.Value, name, numbers, nonNumbers);
                    break;
                case JsonValueKind.Number:
                    numbers[name] = property.Value.GetDouble();
                    break;
                case JsonValueKind.String when NonFinite(property.Value.GetString()) is { } special:
                    numbers[name] = special;
                    break;
                default:
                    nonNumbers.Add(name);
                    break;
            }
        }
    }

    private static double? NonFinite(string? text) => text switch
    {
        "NaN" or "nan" => double.NaN,
        "Infinity" or "inf" or "+Infinity" => double.PositiveInfinity,
        "-Infinity" or "-inf" => double.NegativeInfinity,
        _ => null,
    };

    /// <summary>Turns the bare tokens NaN, Infinity and -Infinity outside strings into strings, so JSON can parse them.</summary>
    private static string QuoteNonFiniteTokens(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    builder.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                builder.Append(c);
                continue;
            }

            var token = StartsWithToken(text, i, "-Infinity") ?? StartsWithToken(text, i, "Infinity") ?? StartsWithToken(text, i, "NaN");
            if (token is not null)
            {
                builder.Append('"').Append(token).Append('"');
                i += token.Length - 1;
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string? StartsWithToken(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0
        && (index + token.Length == text.Length || !char.IsLetterOrDigit(text[index + token.Length]))
        && (index == 0 || !char.IsLetterOrDigit(text[index - 1]))
            ? token
            : null;
}
