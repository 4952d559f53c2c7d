using System.IO.Compression;
using Microsoft.ML;
using System.Text;
using ModelRegistry.ML.Schemas;
using ModelRegistry.ML.Tests.Models;
using ModelRegistry.Schemas;

namespace ModelRegistry.ML.Tests.Schemas;

public sealed class MLNetSchemaReaderTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly MLNetSchemaReader reader = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_schema_of_a_trained_classifier_is_its_input_columns_and_the_columns_it_adds()
    {
        // arrange
        var path = FraudModels.SaveClassifier(temp.Combine("model.zip"));

        // act
        var schema = reader.ReadSchema(path).Schema;

        // assert: IsFraud, the label, passes through unchanged, so it is an input only
        Assert.NotNull(schema);
        Assert.True(reader.IsModel(path));
        Assert.Equal(ModelSchema.MLNet, schema.Format);
        Assert.Equal(
            [
                new SchemaColumn("Amount", "float", null),
                new SchemaColumn("Hour", "float", null),
                new SchemaColumn("DistanceKm", "float", null),
                new SchemaColumn("IsFraud", "bool", null),
            ],
            schema.Inputs);
        Assert.Equal(
            [
                new SchemaColumn("Features", "float", [3]),
                new SchemaColumn("PredictedLabel", "bool", null),
                new SchemaColumn("Score", "float", null),
                new SchemaColumn("Probability", "float", null),
            ],
            schema.Outputs);
        Assert.Equal("ML.NET", schema.Producer);
        Assert.Null(schema.OpsetVersion);
        Assert.Null(schema.IrVersion);
    }

    [Fact]
    public void The_recorded_ml_net_version_is_the_one_the_training_template_uses()
    {
        // arrange: the template's trainer pins its Microsoft.ML version, as a user's project would
        var trainer = File.ReadAllText(Path.Combine(RepositoryRoot(), "templates", "training", "src", "Trainer", "Trainer.csproj"));
        var path = FraudModels.SaveClassifier(temp.Combine("model.zip"));

        // act
        var schema = reader.ReadSchema(path).Schema!;

        // assert: the model zip records the version that saved it, without its commit
        Assert.Equal("5.0.1", schema.ProducerVersion);
        Assert.Contains($"<PackageReference Include=\"Microsoft.ML\" Version=\"{schema.ProducerVersion}\" />", trainer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_input_is_one_input_removed_and_one_added()
    {
        var baseline = Baseline();
        var candidate = Read("renamed.zip", FraudModels.Transactions(i => new RenamedHour { Amount = FraudModels.Amount(i), HourOfDay = i % 24, DistanceKm = i % 50, IsFraud = FraudModels.IsFraud(i) }),
            ml => FraudModels.Classifier(ml, "Amount", "HourOfDay", "DistanceKm"));

        var differences = SchemaCompatibility.Compare(baseline, candidate);

        Assert.Equal(
            [
                new SchemaDifference(SchemaChange.InputRemoved, "Hour", "float scalar", null),
                new SchemaDifference(SchemaChange.InputAdded, "HourOfDay", null, "float scalar"),
            ],
            differences);
        Assert.All(differences, d => Assert.True(d.Breaking));
    }

    [Fact]
    public void An_input_of_another_type_breaks_and_its_converted_column_is_an_added_output()
    {
        var baseline = Baseline();
        var candidate = Read("typed.zip", FraudModels.Transactions(i => new DoubleHour { Amount = FraudModels.Amount(i), Hour = i % 24, DistanceKm = i % 50, IsFraud = FraudModels.IsFraud(i) }),
            ml => ml.Transforms.Conversion.ConvertType("Hour", outputKind: Microsoft.ML.Data.DataKind.Single).Append(FraudModels.Classifier(ml, FraudModels.Features)));

        var differences = SchemaCompatibility.Compare(baseline, candidate);

        // The conversion replaces Hour with a new column: the model changes it, so it is among the outputs.
        Assert.Equal(
            [
                new SchemaDifference(SchemaChange.InputTypeChanged, "Hour", "float", "double"),
                new SchemaDifference(SchemaChange.OutputAdded, "Hour", null, "float scalar"),
            ],
            differences);
        Assert.Equal([true, false], differences.Select(d => d.Breaking));
    }

    [Fact]
    public void A_vector_of_another_size_changes_the_input_shape_and_the_features_shape()
    {
        var three = Read("three.zip", FraudModels.Transactions(i => new ThreeValues { Values = [FraudModels.Amount(i), i % 24, i % 50], IsFraud = FraudModels.IsFraud(i) }),
            ml => FraudModels.Classifier(ml, "Values"));
        var four = Read("four.zip", FraudModels.Transactions(i => new FourValues { Values = [FraudModels.Amount(i), i % 24, i % 50, i % 7], IsFraud = FraudModels.IsFraud(i) }),
            ml => FraudModels.Classifier(ml, "Values"));

        var differences = SchemaCompatibility.Compare(three, four);

        Assert.Equal(
            [
                new SchemaDifference(SchemaChange.InputShapeChanged, "Values", "[3]", "[4]"),
                new SchemaDifference(SchemaChange.OutputShapeChanged, "Features", "[3]", "[4]"),
            ],
            differences);
        Assert.All(differences, d => Assert.True(d.Breaking));
    }

    [Fact]
    public void An_added_output_is_the_only_difference_and_does_not_break()
    {
        var baseline = Baseline();
        var candidate = Read("more.zip", FraudModels.Transactions(i => new FraudModels.Transaction { Amount = FraudModels.Amount(i), Hour = i % 24, DistanceKm = i * 3 % 50, IsFraud = FraudModels.IsFraud(i) }),
            ml => FraudModels.Classifier(ml, FraudModels.Features).Append(ml.Transforms.CopyColumns("RiskScore", "Score")));

        var differences = SchemaCompatibility.Compare(baseline, candidate);

        Assert.Equal([new SchemaDifference(SchemaChange.OutputAdded, "RiskScore", null, "float scalar")], differences);
        Assert.False(differences[0].Breaking);
    }

    [Fact]
    public void A_zip_that_is_not_an_ml_net_model_is_not_a_model()
    {
        var path = temp.Combine("data.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("transactions.csv").Open());
            entry.Write("Amount,Hour\n10,3\n");
        }

        Assert.False(reader.IsModel(path));
        Assert.False(reader.IsModel(FraudModels.SaveClassifier(temp.Combine("model.bin"))));
    }

    [Fact]
    public void A_truncated_model_zip_is_still_recognized_and_refused()
    {
        // arrange: cut short, the zip has lost its directory but its first entry is still ML.NET's
        var path = FraudModels.SaveClassifier(temp.Combine("model.zip"));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        // act + assert
        Assert.True(reader.IsModel(path));
        var error = Assert.Throws<RegistryException>(() => reader.ReadSchema(path));
        Assert.Equal("MRB2105", error.Code);
        Assert.Contains("model.zip", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("predictor")]
    [InlineData("schema")]
    public void A_model_zip_with_a_corrupt_entry_is_refused(string damaged)
    {
        // arrange
        var path = FraudModels.SaveClassifier(temp.Combine("model.zip"));
        var entry = damaged == "schema" ? "Schema" : Entries(path).Single(e => e.EndsWith("Predictor/Model.key", StringComparison.Ordinal));
        FraudModels.RewriteEntry(path, entry, content => [.. content[..40], .. Enumerable.Repeat((byte)0xAB, content.Length - 40)]);

        // act + assert
        Assert.True(reader.IsModel(path));
        var error = Assert.Throws<RegistryException>(() => reader.ReadSchema(path));
        Assert.Equal("MRB2105", error.Code);
    }

    [Fact]
    public void A_model_needing_a_component_the_tool_does_not_carry_is_read_as_no_schema_with_a_warning()
    {
        // arrange: a component from an assembly this process cannot load, as a LightGbm model is where ML.NET's
        // LightGbm package is missing (each Model.key names its component's assembly, in UTF-16)
        var path = FraudModels.SaveClassifier(temp.Combine("model.zip"));
        FraudModels.RewriteEntry(path, "TransformerChain/Transform_000/Model.key", content => Replace(content, "Microsoft.ML.Data", "Microsoft.ML.Dyta"));

        // act
        var reading = reader.ReadSchema(path);

        // assert
        Assert.Null(reading.Schema);
        Assert.StartsWith("MRB2106: ", reading.Warning, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ML.Dyta", reading.Warning, StringComparison.Ordinal);
        Assert.Contains("--schema", reading.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_saved_without_its_input_schema_is_read_as_no_schema_with_a_warning()
    {
        var path = FraudModels.Save(temp.Combine("model.zip"), FraudModels.Transactions(i => new FraudModels.Transaction { Amount = i, Hour = i % 24 }),
            ml => ml.Transforms.Concatenate("Features", FraudModels.Features), withInputSchema: false);

        var reading = reader.ReadSchema(path);

        Assert.Null(reading.Schema);
        Assert.StartsWith("MRB2106: ", reading.Warning, StringComparison.Ordinal);
        Assert.Contains("without its input schema", reading.Warning, StringComparison.Ordinal);
    }

    private ModelSchema Baseline() => reader.ReadSchema(FraudModels.SaveClassifier(temp.Combine($"{Guid.NewGuid():N}.zip"))).Schema!;

    private ModelSchema Read<TRow>(string name, IEnumerable<TRow> rows, Func<MLContext, IEstimator<ITransformer>> pipeline)
        where TRow : class =>
        reader.ReadSchema(FraudModels.Save(temp.Combine(name), rows, pipeline)).Schema!;

    private static List<string> Entries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    private static byte[] Replace(byte[] content, string from, string to)
    {
        var at = content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(from));
        Assert.True(at >= 0, $"the entry does not name {from}");
        var result = (byte[])content.Clone();
        Encoding.Unicode.GetBytes(to).CopyTo(result, at);
        return result;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ModelRegistry.Build.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests do not run inside the repository.");
    }

    private sealed class RenamedHour
    {
        public float Amount { get; set; }

        public float HourOfDay { get; set; }

        public float DistanceKm { get; set; }

        public bool IsFraud { get; set; }
    }

    private sealed class DoubleHour
    {
        public float Amount { get; set; }

        public double Hour { get; set; }

        public float DistanceKm { get; set; }

        public bool IsFraud { get; set; }
    }

    private sealed class ThreeValues
    {
        [Microsoft.ML.Data.VectorType(3)]
        public float[] Values { get; set; } = [];

        public bool IsFraud { get; set; }
    }

    private sealed class FourValues
    {
        [Microsoft.ML.Data.VectorType(4)]
        public float[] Values { get; set; } = [];

        public bool IsFraud { get; set; }
    }
}
