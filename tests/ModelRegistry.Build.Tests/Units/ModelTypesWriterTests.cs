using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.ML;
using ModelRegistry.Build.References;
using ModelRegistry.ML.Schemas;
using ModelRegistry.Schemas;
using Xunit;

namespace ModelRegistry.Build.Tests.Units;

/// <summary>
/// The generated ModelInput/ModelOutput classes, compiled with Roslyn against Microsoft.ML and read back by ML.NET
/// itself (MLNetColumns over SchemaDefinition): the columns ML.NET sees are the schema's, for an ML.NET-style schema
/// exactly and for an ONNX-style one without the batch dimension.
/// </summary>
public sealed class ModelTypesWriterTests
{
    private static readonly ModelSchema MLNetStyle = new()
    {
        Format = "mlnet",
        Inputs = [new("Amount", "float", null), new("Features", "float", [5]), new("Text", "string", null), new("Tokens", "string", [-1]), new("Count", "int64", null)],
        Outputs = [new("PredictedLabel", "bool", null), new("Score", "float", null), new("Probability", "float", null)],
    };

    private static readonly ModelSchema OnnxStyle = new()
    {
        Format = ModelSchema.Onnx,
        Inputs = [new("float_input", "float", [-1, 4]), new("mask:0", "bool", [-1, 2, 3]), new("class", "double", null)],
        Outputs = [new("label", "int64", [-1]), new("probabilities", "float", [-1, 2])],
    };

    [Fact]
    public void An_MLNet_style_schema_gives_classes_whose_columns_ML_NET_reads_as_the_schema()
    {
        var assembly = Compile(ModelTypesWriter.Write([("FraudDetection", 3, MLNetStyle)]));

        Assert.Equal(MLNetStyle.Inputs, Columns(assembly, "ModelRegistry.Models.FraudDetection.ModelInput"));
        Assert.Equal(MLNetStyle.Outputs, Columns(assembly, "ModelRegistry.Models.FraudDetection.ModelOutput"));
    }

    [Fact]
    public void An_ONNX_style_schema_keeps_tensor_names_as_column_names_without_the_batch_dimension()
    {
        var source = ModelTypesWriter.Write([("image-classifier.v2", 1, OnnxStyle)]);
        var assembly = Compile(source);

        Assert.Contains("namespace ModelRegistry.Models.image_classifier_v2", source, StringComparison.Ordinal);
        Assert.Contains("[global::Microsoft.ML.Data.ColumnName(\"mask:0\")]", source, StringComparison.Ordinal);
        Assert.Contains("public double @class { get; set; }", source, StringComparison.Ordinal);
        Assert.Equal(
            [new SchemaColumn("float_input", "float", [4]), new SchemaColumn("mask:0", "bool", [2, 3]), new SchemaColumn("class", "double", null)],
            Columns(assembly, "ModelRegistry.Models.image_classifier_v2.ModelInput"));
        Assert.Equal(
            [new SchemaColumn("label", "int64", [-1]), new SchemaColumn("probabilities", "float", [2])],
            Columns(assembly, "ModelRegistry.Models.image_classifier_v2.ModelOutput"));
    }

    [Fact]
    public void Two_models_get_their_own_namespaces_and_colliding_names_stay_distinct()
    {
        var clash = new ModelSchema
        {
            Format = ModelSchema.Declared,
            Inputs = [new("a-b", "float", null), new("a_b", "float", null), new("ModelInput", "float", null)],
            Outputs = [],
        };

        var assembly = Compile(ModelTypesWriter.Write([("FraudDetection", 1, MLNetStyle), ("Churn", 2, clash)]));

        Assert.Equal(clash.Inputs, Columns(assembly, "ModelRegistry.Models.Churn.ModelInput"));
        Assert.Equal(MLNetStyle.Inputs, Columns(assembly, "ModelRegistry.Models.FraudDetection.ModelInput"));
    }

    [Fact]
    public void A_renamed_column_is_a_compile_error_where_the_service_uses_it()
    {
        const string Service = "class Service { float Use(ModelRegistry.Models.FraudDetection.ModelInput input) => input.Amount; }";
        var renamed = MLNetStyle with { Inputs = [new("TransactionAmount", "float", null), .. MLNetStyle.Inputs.Skip(1)] };

        var before = Diagnostics(ModelTypesWriter.Write([("FraudDetection", 1, MLNetStyle)]), Service);
        var after = Diagnostics(ModelTypesWriter.Write([("FraudDetection", 2, renamed)]), Service);

        Assert.Empty(before);
        Assert.Equal("CS1061", Assert.Single(after).Id);
    }

    [Fact]
    public void A_column_type_with_no_CSharp_type_is_refused_with_MRB2114()
    {
        var schema = MLNetStyle with { Inputs = [new("Half", "float16", null)] };

        var error = Assert.Throws<RegistryException>(() => ModelTypesWriter.Write([("FraudDetection", 1, schema)]));

        Assert.Equal("MRB2114", error.Code);
    }

    private static List<SchemaColumn> Columns(Assembly assembly, string type) =>
        [.. MLNetColumns.From(assembly.GetType(type, throwOnError: true)!, Microsoft.ML.Data.SchemaDefinition.Direction.Both)];

    private static Assembly Compile(string source)
    {
        var compilation = Compilation(source);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        return Assembly.Load(image.ToArray());
    }

    private static List<Diagnostic> Diagnostics(params string[] sources) =>
        [.. Compilation(sources).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    private static CSharpCompilation Compilation(params string[] sources)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s)),
            [.. platform.Select(p => MetadataReference.CreateFromFile(p)), MetadataReference.CreateFromFile(typeof(MLContext).Assembly.Location), MetadataReference.CreateFromFile(typeof(Microsoft.ML.Data.ColumnNameAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
