using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ModelRegistry.Onnx.Serving;
using ModelRegistry.Policies;
using ModelRegistry.Runtime;
using ModelRegistry.Schemas;
using ModelRegistry.TestSupport;
using Xunit;

namespace ModelRegistry.Onnx.Tests;

/// <summary>Real ONNX models (an Add and a Mul graph) registered through the engine, whose registration reads their
/// schema, served by ONNX Runtime from a folder registry.</summary>
public sealed class OnnxSessionHolderTests : IDisposable
{
    private readonly TempFolder temp = new("mrb-onnx-");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task The_holder_serves_the_stage_version_and_a_refresh_swaps_in_the_next()
    {
        // arrange
        await RegisterAsync(OnnxModelFile.Runnable("Add"));
        await PromoteAsync("Ranker@1");
        var services = new ServiceCollection().AddModelRegistryOnnxSession("Ranker@Production", o => (o.Registry, o.Cache, o.PollInterval) = (Root, Cache, TimeSpan.FromHours(1)));
        await using var provider = services.BuildServiceProvider();
        var holder = provider.GetRequiredService<OnnxSessionHolder>();
        var before = Run(holder);
        await RegisterAsync(OnnxModelFile.Runnable("Mul"));
        await PromoteAsync("Ranker@2");

        // act
        var refreshed = await holder.RefreshAsync();
        var after = Run(holder);

        // assert
        Assert.Equal((1, 6f), before);
        Assert.Equal(2, refreshed.Version);
        Assert.Equal((2, 9f), after);
    }

    [Fact]
    public async Task A_version_without_the_expected_input_is_refused_and_the_previous_session_keeps_serving()
    {
        // arrange
        await RegisterAsync(OnnxModelFile.Runnable("Add"));
        await PromoteAsync("Ranker@1");
        var expected = new ModelSchema { Format = ModelSchema.Declared, Inputs = [new("x", "float", [-1, 4])], Outputs = [new("y", "float", [-1, 4])] };
        await using var holder = new OnnxSessionHolder(Options(), new OnnxSessionDefinition("Ranker@Production") { Expected = expected });
        Run(holder);
        await RegisterAsync(OnnxModelFile.Runnable("Add", input: "pixels"));
        await PromoteAsync("Ranker@2");

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => holder.RefreshAsync());

        // assert
        Assert.Equal("MRB2201", error.Code);
        Assert.Contains("input 'x' (float [-1, 4]) is not one of the model's", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 6f), Run(holder));
    }

    [Fact]
    public async Task A_version_whose_session_differs_from_its_recorded_schema_is_refused()
    {
        // arrange: a file the registration does not read (.bin), declared with a schema the model does not have
        var declared = new ModelSchema { Format = ModelSchema.Declared, Inputs = [new("x", "float", [-1, 8])], Outputs = [new("y", "float", [-1, 8])] };
        await RegisterAsync(OnnxModelFile.Runnable("Add"), "model.bin", declared);
        await PromoteAsync("Ranker@1");
        await using var holder = new OnnxSessionHolder(Options(), new OnnxSessionDefinition("Ranker@Production"));

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => holder.StartAsync());

        // assert
        Assert.Equal("MRB2201", error.Code);
        Assert.Contains("recorded input 'x' is float [-1, 8] here but float [-1, 4] in the model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_ONNX_Runtime_cannot_load_is_refused_with_its_reason()
    {
        // arrange: the schema reader's test model names no node inputs, so ONNX Runtime refuses it
        await RegisterAsync(new OnnxModelFile() with { Initializer = null });
        await PromoteAsync("Ranker@1");
        await using var holder = new OnnxSessionHolder(Options(), new OnnxSessionDefinition("Ranker@Production"));

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => holder.StartAsync());

        // assert
        Assert.Equal("MRB2202", error.Code);
    }

    private string Root => temp.Combine("registry");

    private string Cache => temp.Combine("cache");

    private ModelServingOptions Options() => new() { Registry = Root, Cache = Cache, PollInterval = TimeSpan.FromHours(1) };

    /// <summary>Runs the served session on [3, 3, 3, 3]: Add gives 6, Mul gives 9.</summary>
    private static (int Version, float First) Run(OnnxSessionHolder holder)
    {
        using var lease = holder.Acquire();
        var input = new DenseTensor<float>(new float[] { 3, 3, 3, 3 }, [1, 4]);
        var name = lease.Value.InputMetadata.Keys.Single();
        using var results = lease.Value.Run([NamedOnnxValue.CreateFromTensor(name, input)]);
        return (lease.Version.Version, results[0].AsEnumerable<float>().First());
    }

    private async Task RegisterAsync(OnnxModelFile model, string fileName = "model.onnx", ModelSchema? declared = null)
    {
        var file = model.WriteTo(temp.Combine("work", Guid.NewGuid().ToString("N"), fileName));
        var registry = await Registry.OpenAsync(Root);
        var result = await registry.RegisterAsync(new RegistrationRequest { Model = "Ranker", Artifacts = [file], Actor = "tester", Schema = declared });
        Assert.NotNull(result.Version);
    }

    private async Task PromoteAsync(string reference)
    {
        var registry = await Registry.OpenAsync(Root);
        await registry.PromoteAsync(new PromotionRequest { Reference = reference, Stage = "Production", Evidence = PromotionEvidence.LocalApproval("alice"), Actor = "tester" });
    }
}
