using System.Text;
using ModelRegistry.Metrics;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Metrics;

public class MetricsDocumentTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static MetricsDocument Parse(string json) => MetricsDocument.Parse("metrics.json", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_a_flat_object()
    {
        var metrics = Parse("""{"auc": 0.93, "latency_p95_ms": 41, "loss": -1.5e-3}""");

        Assert.Equal(0.93, metrics.Get("auc"));
        Assert.Equal(41, metrics.Get("latency_p95_ms"));
        Assert.Equal(-0.0015, metrics.Get("loss"));
    }

    [Fact]
    public void Addresses_nested_objects_by_dotted_paths()
    {
        var metrics = Parse("""{"eval": {"auc": 0.91, "by_segment": {"eu": {"recall": 0.8}}}, "train": {"auc": 0.99}}""");

        Assert.Equal(0.91, metrics.Get("eval.auc"));
        Assert.Equal(0.8, metrics.Get("eval.by_segment.eu.recall"));
        Assert.Equal(0.99, metrics.Get("train.auc"));
        Refusal.Expect("MRB1208", () => metrics.Get("eval"));
    }

    [Theory]
    [InlineData("""{"auc": NaN}""", "NaN")]
    [InlineData("""{"auc": Infinity}""", "Infinity")]
    [InlineData("""{"auc": -Infinity}""", "-Infinity")]
    [InlineData("""{"auc":-Infinity,"x":1}""", "-Infinity")]
    [InlineData("""{"auc": "NaN"}""", "NaN")]
    public void Bare_NaN_and_Infinity_as_Python_writes_them_are_errors_never_passes(string json, string shown)
    {
        var metrics = Parse(json);

        var error = Refusal.Expect("MRB1204", () => metrics.Get("auc"));
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("auc", metrics.FiniteValues.Keys);
    }

    [Fact]
    public void Python_json_dump_output_with_non_finite_values_beside_finite_ones()
    {
        // What json.dump({"auc": float("nan"), "f1": 0.8, "loss": float("inf")}, f, indent=2) writes.
        var metrics = Parse("{\n  \"auc\": NaN,\n  \"f1\": 0.8,\n  \"loss\": Infinity\n}");

        Assert.Equal(0.8, metrics.Get("f1"));
        Refusal.Expect("MRB1204", () => metrics.Get("auc"));
        Refusal.Expect("MRB1204", () => metrics.Get("loss"));
        Assert.Equal(["f1"], metrics.FiniteValues.Keys);
    }

    [Fact]
    public void NaN_inside_a_string_value_or_name_is_text()
    {
        var metrics = Parse("""{"note": "NaN Infinity", "NaN": 1}""");

        Assert.Equal(1, metrics.Get("NaN"));
        Refusal.Expect("MRB1208", () => metrics.Get("note"));
    }

    [Fact]
    public void Missing_metric_is_an_error()
    {
        var metrics = Parse("""{"auc": 0.9}""");

        var error = Refusal.Expect("MRB1205", () => metrics.Get("f1"));
        Assert.Contains("'f1'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"auc": "0.93"}""")]
    [InlineData("""{"auc": true}""")]
    [InlineData("""{"auc": null}""")]
    [InlineData("""{"auc": [0.9]}""")]
    [InlineData("""{"auc": {}}""")]
    public void Non_number_metric_is_an_error(string json)
    {
        Refusal.Expect("MRB1208", () => Parse(json).Get("auc"));
    }

    [Theory]
    [InlineData("[0.9]", "array")]
    [InlineData("0.9", "number")]
    [InlineData("\"auc\"", "string")]
    [InlineData("null", "null")]
    public void Refuses_a_document_that_is_not_an_object(string json, string kind)
    {
        var error = Refusal.Expect("MRB1202", () => Parse(json));

        Assert.Contains(kind, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"auc\": 0.9")]
    [InlineData("{auc: 0.9}")]
    [InlineData("{'auc': 0.9}")]
    [InlineData("{\"auc\": 0.9} {}")]
    [InlineData("{\"auc\": NaNa}")]
    [InlineData("{\"auc\": 0x10}")]
    [InlineData("auc=0.9")]
    public void Refuses_malformed_json(string json)
    {
        Refusal.Expect("MRB1202", () => Parse(json));
    }

    [Theory]
    [InlineData("""{"auc": 0.9, "auc": 0.95}""")]
    [InlineData("""{"eval": {"auc": 0.9}, "eval": {"f1": 0.1}}""")]
    [InlineData("""{"eval": 1, "eval": {"f1": 0.1}}""")]
    [InlineData("""{"eval": {"auc": 0.9, "auc": 0.1}}""")]
    [InlineData("""{"eval.auc": 0.9, "eval": {"auc": 0.1}}""")]
    public void Refuses_duplicate_metrics_rather_than_picking_one(string json)
    {
        var error = Refusal.Expect("MRB1202", () => Parse(json));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_deep_nesting()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        Refusal.Expect("MRB1202", () => Parse(json));
    }

    [Fact]
    public void Refuses_a_number_too_large_for_a_double()
    {
        var metrics = Parse("""{"auc": 1e999, "ok": 1}""");

        Refusal.Expect("MRB1204", () => metrics.Get("auc"));
        Assert.Equal(1, metrics.Get("ok"));
    }

    [Fact]
    public void Reads_a_file_with_a_byte_order_mark()
    {
        var path = temp.WriteFile("metrics.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"auc": 0.93}""")]);

        Assert.Equal(0.93, MetricsDocument.Load(path).Get("auc"));
    }

    [Fact]
    public void Refuses_a_file_that_is_not_utf8()
    {
        var path = temp.WriteFile("metrics.json", [0x7B, 0x22, 0x61, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);

        var error = Refusal.Expect("MRB1202", () => MetricsDocument.Load(path));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_utf16_file()
    {
        var path = temp.WriteFile("metrics.json", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("""{"auc": 0.9}""")).ToArray());

        Refusal.Expect("MRB1202", () => MetricsDocument.Load(path));
    }

    [Fact]
    public void Refuses_a_huge_file_without_reading_it()
    {
        var path = temp.Combine("huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(MetricsDocument.MaxSize + 1);
        }

        var error = Refusal.Expect("MRB1202", () => MetricsDocument.Load(path));
        Assert.Contains("bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_its_own_error()
    {
        Refusal.Expect("MRB1201", () => MetricsDocument.Load(temp.Combine("nope.json")));
    }

    [Fact]
    public void A_folder_given_as_the_metrics_file_is_refused_with_a_code()
    {
        Directory.CreateDirectory(temp.Combine("metrics.json"));

        var error = Assert.Throws<RegistryException>(() => MetricsDocument.Load(temp.Combine("metrics.json")));
        Assert.StartsWith("MRB120", error.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_metric_names_do_not_reach_messages_as_control_characters()
    {
        var error = Refusal.Expect("MRB1202", () => Parse("{\"x\\u001b[31m\\ny\": 1, \"x\\u001b[31m\\ny\": 2}"));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }
}
