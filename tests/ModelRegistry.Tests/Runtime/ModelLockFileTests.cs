using ModelRegistry.Runtime;
using ModelRegistry.Tests.Infrastructure;
using ModelRegistry.Content;
using ModelRegistry.Schemas;
using Xunit;

namespace ModelRegistry.Tests.Runtime;

public sealed class ModelLockFileTests
{
    private static readonly LockedModel Fraud = new("FraudDetection", "Production", 7, "sha256:" + new string('a', 64), [new ArtifactFile("model.zip", 42, "sha256:" + new string('b', 64))]);
    private static readonly LockedModel Churn = new("churn", "3", 3, "sha256:" + new string('c', 64), [new ArtifactFile("b/2.bin", 2, "sha256:" + new string('d', 64)), new ArtifactFile("a/1.bin", 1, "sha256:" + new string('e', 64))]);

    [Fact]
    public void A_written_lock_reads_back_the_same_models()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("models.lock.json");
        new ModelLockFile([Fraud, Churn]).WriteIfChanged(path);

        var read = ModelLockFile.Read(path)!;

        Assert.Equal(["churn", "FraudDetection"], read.Models.Select(m => m.Model));
        Assert.Equal(Fraud.Digest, read.Find("frauddetection")!.Digest);
        Assert.Equal(["a/1.bin", "b/2.bin"], read.Find("churn")!.Files.Select(f => f.Path));
    }

    [Fact]
    public void The_text_does_not_depend_on_the_order_of_references_and_ends_with_a_newline()
    {
        var one = new ModelLockFile([Fraud, Churn]).ToJson();
        var other = new ModelLockFile([Churn, Fraud]).ToJson();

        Assert.Equal(one, other);
        Assert.EndsWith("}\n", one, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", one, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_lock_is_not_rewritten()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("models.lock.json");
        Assert.True(new ModelLockFile([Fraud]).WriteIfChanged(path));
        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));

        Assert.False(new ModelLockFile([Fraud]).WriteIfChanged(path));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void A_missing_lock_reads_as_null() =>
        Assert.Null(ModelLockFile.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "models.lock.json")));

    [Fact]
    public void An_entry_schema_and_schema_pin_read_back_and_an_entry_without_them_reads_as_before()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("models.lock.json");
        var schema = new ModelSchema { Format = ModelSchema.Onnx, Inputs = [new("float_input", "float", [-1, 4])], Outputs = [new("label", "int64", [-1]), new("score", "float", null)] };
        var pin = "sha256:" + new string('f', 64);
        new ModelLockFile([Fraud with { Schema = schema, SchemaPin = pin }, Churn]).WriteIfChanged(path);

        var read = ModelLockFile.Read(path)!;

        var fraud = read.Find("FraudDetection")!;
        Assert.True(schema.SameColumns(fraud.Schema!));
        Assert.Equal((ModelSchema.Onnx, pin), (fraud.Schema!.Format, fraud.SchemaPin));
        Assert.Null(read.Find("churn")!.Schema);
        Assert.Null(read.Find("churn")!.SchemaPin);
        Assert.DoesNotContain("\"schema\"", new ModelLockFile([Churn]).ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<<<<<<< HEAD\n{}")]
    [InlineData("{ \"version\": 1, \"models\": { \"M\": { \"requested\": \"1\", \"resolved\": 1, \"digest\": \"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"files\": [], \"schema\": { \"format\": \"declared\", \"inputs\": 3, \"outputs\": [] } } } }")]
    [InlineData("{ \"version\": 1, \"models\": { \"M\": { \"requested\": \"1\", \"resolved\": 1, \"digest\": \"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"files\": [], \"schemaPin\": \"fraud.json\" } } }")]
    [InlineData("{ \"version\": 1 }")]
    [InlineData("{ \"version\": 99, \"models\": {} }")]
    [InlineData("{ \"version\": 1, \"models\": { \"M\": { \"requested\": \"1\", \"resolved\": 1, \"digest\": \"sha256:../../x\", \"files\": [] } } }")]
    [InlineData("{ \"version\": 1, \"models\": { \"M\": { \"requested\": \"1\", \"resolved\": 1, \"digest\": \"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"files\": [ { \"path\": \"../../etc/passwd\", \"size\": 1, \"digest\": \"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" } ] } } }")]
    public void An_unreadable_lock_is_reported_with_MRB1604(string text)
    {
        using var folder = new TempFolder();
        var path = folder.WriteFile("models.lock.json", text);

        var error = Assert.Throws<RegistryException>(() => ModelLockFile.Read(path));

        Assert.Equal("MRB1604", error.Code);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
