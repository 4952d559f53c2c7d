using System.IO.Compression;
using Microsoft.ML;
using ModelRegistry.ML.Schemas;
using ModelRegistry.ML.Tests.Models;
using ModelRegistry.Schemas;

namespace ModelRegistry.ML.Tests.Schemas;

/// <summary>Registration with the ML.NET reader added to the engine's, as the CLI adds it.</summary>
public sealed class MLNetRegistrationTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string Root => temp.Combine("registry");

    [Fact]
    public async Task Registering_an_ml_net_model_records_its_schema()
    {
        // arrange
        var registry = await Registry.OpenAsync(Root);
        var path = FraudModels.SaveClassifier(temp.Combine("work", "model.zip"));

        // act
        var result = await registry.RegisterAsync(Request(path));
        var shown = await registry.ResolveAsync("Fraud@1");

        // assert
        Assert.Null(result.SchemaWarning);
        Assert.Equal(ModelSchema.MLNet, shown.Schema!.Format);
        Assert.True(new MLNetSchemaReader().ReadSchema(path).Schema!.SameColumns(shown.Schema));
    }

    [Fact]
    public async Task A_program_that_registers_an_ml_net_model_without_the_ml_net_reader_is_told_so()
    {
        // arrange: the engine alone, as a program that references ModelRegistry but not ModelRegistry.ML registers
        var registry = await Registry.OpenAsync(Root);
        var model = FraudModels.SaveClassifier(temp.Combine("work", "model.zip"));
        var data = temp.Combine("data", "rows.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        using (var zip = ZipFile.Open(data, ZipArchiveMode.Create))
        {
            zip.CreateEntry("rows.csv");
        }

        // act
        var unread = await registry.RegisterAsync(Request(model) with { SchemaReaders = [] });
        var plain = await registry.RegisterAsync(Request(data) with { Model = "Rows", SchemaReaders = [] });

        // assert: registered all the same, without a schema, and the warning names what to add
        Assert.Null(unread.Version!.Schema);
        Assert.StartsWith("MRB2106: The schema of 'model.zip' was not read (it is an ML.NET model and this registration has no ML.NET schema reader", unread.SchemaWarning, StringComparison.Ordinal);
        Assert.Contains("MLNetSchemaReader", unread.SchemaWarning, StringComparison.Ordinal);
        Assert.Null(plain.SchemaWarning);
        Assert.Null(plain.Version!.Schema);
    }

    [Fact]
    public async Task A_zipped_data_set_beside_an_onnx_model_leaves_the_onnx_schema_and_no_warning()
    {
        // arrange
        var registry = await Registry.OpenAsync(Root);
        var onnx = new OnnxModelFile().WriteTo(temp.Combine("work", "model.onnx"));
        var data = temp.Combine("work", "data.zip");
        using (var zip = ZipFile.Open(data, ZipArchiveMode.Create))
        {
            zip.CreateEntry("rows.csv");
        }

        // act
        var result = await registry.RegisterAsync(Request(temp.Combine("work")));

        // assert
        Assert.Equal(ModelSchema.Onnx, result.Version!.Schema!.Format);
        Assert.Null(result.SchemaWarning);
        Assert.True(File.Exists(onnx));
    }

    [Fact]
    public async Task An_onnx_model_and_an_ml_net_model_in_one_version_give_no_read_schema()
    {
        var registry = await Registry.OpenAsync(Root);
        new OnnxModelFile().WriteTo(temp.Combine("work", "model.onnx"));
        FraudModels.SaveClassifier(temp.Combine("work", "model.zip"));

        var result = await registry.RegisterAsync(Request(temp.Combine("work")));

        Assert.Null(result.Version!.Schema);
    }

    [Fact]
    public async Task A_corrupt_ml_net_model_is_refused_and_nothing_is_registered()
    {
        // arrange
        var registry = await Registry.OpenAsync(Root);
        var path = FraudModels.SaveClassifier(temp.Combine("work", "model.zip"));
        FraudModels.RewriteEntry(path, "Schema", content => content[..50]);
        var before = Listing();

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => registry.RegisterAsync(Request(path)));

        // assert
        Assert.Equal("MRB2105", error.Code);
        Assert.Equal(before, Listing());
    }

    [Fact]
    public async Task A_declared_schema_must_agree_with_the_one_read_from_the_model()
    {
        // arrange
        var registry = await Registry.OpenAsync(Root);
        var path = FraudModels.SaveClassifier(temp.Combine("work", "model.zip"));
        var read = new MLNetSchemaReader().ReadSchema(path).Schema!;
        var declared = read with { Format = ModelSchema.Declared, Outputs = [.. read.Outputs.Where(c => c.Name != "Probability")] };

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => registry.RegisterAsync(Request(path) with { Schema = declared }));
        var agreed = await registry.RegisterAsync(Request(path) with { Schema = read with { Format = ModelSchema.Declared, Producer = null, ProducerVersion = null } });

        // assert: the read schema, with its producer, is what is recorded
        Assert.Equal("MRB2103", error.Code);
        Assert.Contains("output Probability", error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelSchema.MLNet, agreed.Version!.Schema!.Format);
        Assert.Equal("ML.NET", agreed.Version.Schema.Producer);
    }

    [Fact]
    public async Task A_model_whose_schema_cannot_be_read_is_registered_with_a_warning_or_with_its_declared_schema()
    {
        // arrange: saved without an input schema, so there are no inputs to record
        var registry = await Registry.OpenAsync(Root);
        var path = FraudModels.Save(temp.Combine("work", "model.zip"), FraudModels.Transactions(i => new FraudModels.Transaction { Amount = i, Hour = i % 24 }),
            ml => ml.Transforms.Concatenate("Features", FraudModels.Features), withInputSchema: false);
        var declared = new ModelSchema { Format = ModelSchema.Declared, Inputs = [new SchemaColumn("Amount", "float", null)], Outputs = [new SchemaColumn("Features", "float", [3])] };

        // act
        var warned = await registry.RegisterAsync(Request(path));
        var withDeclared = await registry.RegisterAsync(Request(path) with { Schema = declared });

        // assert
        Assert.Null(warned.Version!.Schema);
        Assert.StartsWith("MRB2106: ", warned.SchemaWarning, StringComparison.Ordinal);
        Assert.Null(withDeclared.SchemaWarning);
        Assert.Equal(ModelSchema.Declared, withDeclared.Version!.Schema!.Format);
        Assert.True(declared.SameColumns(withDeclared.Version.Schema));
    }

    private List<string> Listing() =>
        Directory.Exists(Root) ? [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    private static RegistrationRequest Request(string artifact) =>
        new() { Model = "Fraud", Artifacts = [artifact], Actor = "tester", SchemaReaders = [new MLNetSchemaReader()] };
}
