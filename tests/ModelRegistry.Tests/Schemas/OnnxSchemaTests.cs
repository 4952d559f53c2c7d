using ModelRegistry.Schemas;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Schemas;

public sealed class OnnxSchemaTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public void The_schema_of_an_onnx_model_is_read_exactly()
    {
        // arrange
        var path = new OnnxModelFile().WriteTo(harness.Temp.Combine("model.onnx"));

        // act
        var schema = OnnxSchemaReader.Read(path);

        // assert: the initializer listed as a graph input is not a model input
        Assert.Equal(ModelSchema.Onnx, schema.Format);
        Assert.Equal([new SchemaColumn("features", "float", [-1, 4]), new SchemaColumn("mask", "bool", [-1])], schema.Inputs);
        Assert.Equal([new SchemaColumn("score", "float", [-1, 1])], schema.Outputs);
        Assert.Equal("test", schema.Producer);
        Assert.Equal("1.0", schema.ProducerVersion);
        Assert.Equal(17, schema.OpsetVersion);
        Assert.Equal(8, schema.IrVersion);
    }

    [Fact]
    public async Task Registering_an_onnx_model_records_its_schema_and_shows_it()
    {
        // arrange
        var registry = await harness.OpenAsync();
        var path = new OnnxModelFile().WriteTo(harness.Temp.Combine("work", "model.onnx"));

        // act
        var result = await registry.RegisterAsync(new RegistrationRequest { Model = "Fraud", Artifacts = [path], Actor = RegistryHarness.Actor });
        var shown = await registry.ResolveAsync("Fraud@1");

        // assert
        Assert.Equal(OnnxSchemaReader.Read(path), result.Version!.Schema, SchemaEquality.Instance);
        Assert.Equal(result.Version.Schema, shown.Schema, SchemaEquality.Instance);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    public async Task A_malformed_onnx_file_is_refused_and_nothing_is_registered(string damage)
    {
        // arrange
        var registry = await harness.OpenAsync();
        await harness.RegisterVersionAsync(registry, "Fraud", "first");
        var bytes = new OnnxModelFile().ToBytes();
        var path = harness.Artifact("bad/model.onnx", damage == "truncated" ? bytes[..(bytes.Length - 7)] : [0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x12]);

        // act + assert
        var error = await Refusal.ExpectAsync("MRB2101", harness.Root, () => registry.RegisterAsync(new RegistrationRequest { Model = "Fraud", Artifacts = [path] }));
        Assert.Contains("model.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Weights_are_passed_and_a_file_cut_inside_them_is_truncated()
    {
        // arrange: the initializer holds 1 MiB of weights before the graph's inputs and outputs
        var model = new OnnxModelFile { WeightBytes = 1 << 20 };
        var bytes = model.ToBytes();
        var whole = harness.Temp.WriteFile("whole/model.onnx", bytes);
        var cut = harness.Temp.WriteFile("cut/model.onnx", bytes[..(bytes.Length / 2)]);

        // act
        var schema = OnnxSchemaReader.Read(whole);
        var error = Refusal.Expect("MRB2101", () => OnnxSchemaReader.Read(cut));

        // assert
        Assert.Equal(OnnxSchemaReader.Read(new OnnxModelFile().WriteTo(harness.Temp.Combine("small", "model.onnx"))), schema, SchemaEquality.Instance);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_schema_round_trips_through_the_version_record()
    {
        // arrange
        var registry = await harness.OpenAsync();
        var file = harness.Temp.WriteFile("schema.json", """
            { "inputs": [{ "name": "text", "type": "string", "shape": [-1] }, { "name": "age", "type": "int64" }],
              "outputs": [{ "name": "label", "type": "int64", "shape": [-1, 1] }] }
            """u8.ToArray());
        var declared = DeclaredSchema.Load(file);

        // act
        var version = await harness.RegisterVersionAsync(registry, "Churn", "weights", r => r with { Schema = declared });
        var reopened = await (await harness.OpenAsync()).ResolveAsync($"Churn@{version}");

        // assert
        Assert.Equal(ModelSchema.Declared, reopened.Schema!.Format);
        Assert.Equal([new SchemaColumn("text", "string", [-1]), new SchemaColumn("age", "int64", null)], reopened.Schema.Inputs);
        Assert.Equal([new SchemaColumn("label", "int64", [-1, 1])], reopened.Schema.Outputs);
    }

    [Fact]
    public async Task The_same_files_with_another_declared_schema_are_another_version()
    {
        // arrange
        var registry = await harness.OpenAsync();
        var path = harness.Artifact("model.bin", "weights");
        var one = new ModelSchema { Format = ModelSchema.Declared, Inputs = [new("x", "float", [-1])], Outputs = [new("y", "float", null)] };

        // act
        var without = await registry.RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [path] });
        var with = await registry.RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [path], Schema = one });
        var again = await registry.RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [path], Schema = one });

        // assert
        Assert.True(with.Created);
        Assert.NotEqual(without.Version!.RecipeDigest, with.Version!.RecipeDigest);
        Assert.False(again.Created);
        Assert.Null(without.Version.Schema);
    }

    [Theory]
    [InlineData("""{ "inputs": [] }""", "\"outputs\" must be an array")]
    [InlineData("""{ "inputs": [{ "type": "float" }], "outputs": [] }""", "inputs[0] needs a non-empty \"name\"")]
    [InlineData("""{ "inputs": [{ "name": "x", "type": "float", "shape": [-2] }], "outputs": [] }""", "whole number")]
    [InlineData("""{ "inputs": [{ "name": "x", "type": "float" }, { "name": "x", "type": "int64" }], "outputs": [] }""", "named twice")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{ "inputs": [""", "not JSON")]
    public void A_bad_schema_file_is_refused_with_its_reason(string json, string why)
    {
        // arrange
        var file = harness.Temp.WriteFile("schema.json", System.Text.Encoding.UTF8.GetBytes(json));

        // act
        var error = Refusal.Expect("MRB2102", () => DeclaredSchema.Load(file));

        // assert
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_schema_that_differs_from_the_onnx_file_is_refused()
    {
        // arrange
        var registry = await harness.OpenAsync();
        var path = new OnnxModelFile().WriteTo(harness.Temp.Combine("work", "model.onnx"));
        var read = OnnxSchemaReader.Read(path);
        var wrong = new ModelSchema { Format = ModelSchema.Declared, Inputs = [read.Inputs[0]], Outputs = read.Outputs };
        var same = new ModelSchema { Format = ModelSchema.Declared, Inputs = read.Inputs, Outputs = read.Outputs };

        // act
        var error = await Refusal.ExpectAsync("MRB2103", harness.Temp.Path, () => registry.RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [path], Schema = wrong }));
        var agreed = await registry.RegisterAsync(new RegistrationRequest { Model = "M", Artifacts = [path], Schema = same });

        // assert: the file's own schema, with its producer, is the one kept
        Assert.Contains("input mask: removed", error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelSchema.Onnx, agreed.Version!.Schema!.Format);
    }
}
