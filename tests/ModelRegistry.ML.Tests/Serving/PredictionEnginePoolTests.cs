using Microsoft.Extensions.DependencyInjection;
using ModelRegistry.ML.Serving;
using ModelRegistry.Runtime;
using Xunit;

namespace ModelRegistry.ML.Tests.Serving;

public sealed class PredictionEnginePoolTests : IDisposable
{
    private static readonly Transaction Large = new() { Amount = 390, Hour = 3 };

    private readonly ServingHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task The_pool_serves_the_version_the_stage_names_and_says_which()
    {
        // arrange
        await harness.RegisterFraudModelAsync("FraudDetection", threshold: 200);
        await PromoteVersionTwoAsync(harness.RegisterFraudModelAsync("FraudDetection", threshold: 300));
        await using var pool = Pool("FraudDetection@Production");

        // act
        var prediction = pool.PredictWithVersion(Large);

        // assert
        Assert.Equal(2, prediction.Version.Version);
        Assert.True(prediction.Output.IsFraud);
        Assert.Contains(new KeyValuePair<string, object?>("ModelVersion", 2), prediction.LogScope);
        Assert.Equal(prediction.Output.Probability, pool.Predict(Large).Probability);
    }

    [Fact]
    public async Task A_stage_move_seen_by_the_watch_is_swapped_in()
    {
        // arrange
        await using var pool = await ServingVersionOneAsync(TimeSpan.FromMilliseconds(50));
        var swapped = new TaskCompletionSource<ModelSwappedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        pool.Swapped += (_, e) => swapped.TrySetResult(e);

        // act
        await PromoteVersionTwoAsync(harness.RegisterFraudModelAsync("FraudDetection", threshold: 300));
        var swap = await swapped.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // assert
        Assert.Equal((1, 2), (swap.Previous!.Version, swap.Current.Version));
        Assert.Equal(2, pool.PredictWithVersion(Large).Version.Version);
    }

    [Fact]
    public async Task RefreshAsync_swaps_in_a_move_on_demand()
    {
        // arrange
        await using var pool = await ServingVersionOneAsync();
        await PromoteVersionTwoAsync(harness.RegisterFraudModelAsync("FraudDetection", threshold: 300));

        // act
        var refreshed = await pool.RefreshAsync();

        // assert
        Assert.Equal(2, refreshed.Version);
        Assert.Equal(2, pool.PredictWithVersion(Large).Version.Version);
    }

    [Fact]
    public async Task A_version_whose_schema_does_not_fit_is_refused_and_the_previous_keeps_serving()
    {
        // arrange
        await using var pool = await ServingVersionOneAsync();
        ModelSwapFailedEventArgs? failed = null;
        pool.SwapFailed += (_, e) => failed = e;
        await PromoteVersionTwoAsync(harness.RegisterParcelModelAsync("FraudDetection"));

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => pool.RefreshAsync());

        // assert
        Assert.Equal("MRB2201", error.Code);
        Assert.Contains("input 'Amount' (float) is not one of the model's", error.Message, StringComparison.Ordinal);
        Assert.Contains("input 'Hour' (float) is not one of the model's", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 2), (failed!.Serving.Version, failed.Refused.Version));
        Assert.Equal(1, pool.PredictWithVersion(Large).Version.Version);
    }

    [Fact]
    public async Task A_version_without_a_schema_that_ML_NET_cannot_serve_is_refused_with_its_reason()
    {
        // arrange
        await using var pool = await ServingVersionOneAsync();
        await PromoteVersionTwoAsync(harness.RegisterParcelModelAsync("FraudDetection", declareSchema: false));

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => pool.RefreshAsync());

        // assert
        Assert.Equal("MRB2202", error.Code);
        Assert.Contains("Size", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, pool.PredictWithVersion(Large).Version.Version);
    }

    [Fact]
    public async Task Without_a_warm_up_input_each_engine_predicts_a_default_input_before_its_version_serves()
    {
        // arrange
        await harness.RegisterFraudModelAsync("FraudDetection", threshold: 200);
        await harness.PromoteAsync("FraudDetection@1");
        await using var pool = new PredictionEnginePool<Transaction, CountedScore>(harness.Options(), [new("", "FraudDetection@Production") { WarmEngines = 3 }]);

        // act
        await pool.StartAsync();

        // assert: three engines made one prediction each; no request has been made yet
        Assert.Equal(3, CountedScore.Predictions);
    }

    [Fact]
    public async Task A_model_that_rejects_the_default_input_is_served_all_the_same_and_a_warm_up_input_it_rejects_refuses_it()
    {
        // arrange: a model on a vector of two features, which a Reading made by its constructor does not have
        await harness.PromoteAsync($"Sensor@{await harness.RegisterSensorModelAsync("Sensor")}");
        await using var pool = new PredictionEnginePool<Reading, FraudScore>(harness.Options(), [new("", "Sensor@Production") { WarmEngines = 2 }]);
        await using var strict = new PredictionEnginePool<Reading, FraudScore>(harness.Options(), [new("", "Sensor@Production") { WarmUpInput = () => new Reading() }]);

        // act
        var prediction = pool.PredictWithVersion(new Reading { Features = [900, 3] });
        var error = await Assert.ThrowsAsync<RegistryException>(() => strict.StartAsync());

        // assert
        Assert.Equal(1, prediction.Version.Version);
        Assert.True(prediction.Output.IsFraud);
        Assert.Equal("MRB2202", error.Code);
    }

    [Fact]
    public async Task An_input_type_whose_parameterless_constructor_throws_is_served_without_a_warm_up_prediction()
    {
        // arrange
        await harness.RegisterFraudModelAsync("FraudDetection", threshold: 200);
        await harness.PromoteAsync("FraudDetection@1");
        await using var pool = new PredictionEnginePool<CheckedTransaction, FraudScore>(harness.Options(), [new("", "FraudDetection@Production")]);

        // act
        var prediction = pool.PredictWithVersion(new CheckedTransaction(amount: 390, hour: 3));

        // assert
        Assert.Equal(1, prediction.Version.Version);
        Assert.True(prediction.Output.IsFraud);
    }

    [Fact]
    public async Task Named_models_load_on_first_use_only()
    {
        // arrange
        var names = Enumerable.Range(1, 6).Select(i => $"Region{i}").ToList();
        foreach (var name in names)
        {
            await harness.RegisterFraudModelAsync(name, threshold: 100 + names.IndexOf(name));
            await harness.PromoteAsync($"{name}@1");
        }

        var services = new ServiceCollection();
        var builder = services.AddModelRegistryPredictionEngine<Transaction, FraudScore>(o => (o.Registry, o.Cache) = (harness.Root, harness.CacheFolder));
        names.ForEach(n => builder.AddModel(n, $"{n}@Production"));
        await using var provider = services.BuildServiceProvider();
        var pool = provider.GetRequiredService<PredictionEnginePool<Transaction, FraudScore>>();
        var loaded = new List<string>();
        pool.Swapped += (_, e) => loaded.Add(e.Current.Model);

        // act
        var prediction = pool.PredictWithVersion("Region4", Large);
        pool.Predict("Region4", Large);

        // assert
        Assert.Equal("Region4", prediction.Version.Model);
        Assert.Equal(["Region4"], loaded);
        Assert.Equal("MRB2204", Assert.Throws<RegistryException>(() => pool.Predict(Large)).Code);
    }

    [Fact]
    public async Task An_engine_taken_before_a_swap_goes_back_to_its_own_version_not_to_the_new_one()
    {
        // arrange
        await using var pool = await ServingVersionOneAsync();
        var old = pool.GetPredictionEngine();
        await PromoteVersionTwoAsync(harness.RegisterFraudModelAsync("FraudDetection", threshold: 300));
        await pool.RefreshAsync();

        // act
        pool.ReturnPredictionEngine(old);
        var taken = Enumerable.Range(0, Environment.ProcessorCount * 2).Select(_ => pool.GetPredictionEngine()).ToList();

        // assert
        Assert.DoesNotContain(old, taken);
        taken.ForEach(pool.ReturnPredictionEngine);
        Assert.Throws<ArgumentException>(() => pool.ReturnPredictionEngine(taken[0]));
    }

    [Fact]
    public async Task A_bundled_version_serves_while_the_registry_cannot_give_the_stage_and_a_refresh_moves_to_it_later()
    {
        // arrange: the application ships version 7 of a model the registry does not hold yet
        var bundled = BundledModel.Of("FraudDetection", 7, "sha256:" + new string('7', 64), "Production", Path.GetDirectoryName(harness.TrainFraudModel(threshold: 250))!);
        await using var pool = new PredictionEnginePool<Transaction, FraudScore>(harness.Options(), [new("", "FraudDetection@Production") { Bundled = bundled }]);

        // act
        var first = pool.PredictWithVersion(Large);
        await harness.RegisterFraudModelAsync("FraudDetection", threshold: 200);
        await harness.PromoteAsync("FraudDetection@1");
        var refreshed = await pool.RefreshAsync();

        // assert
        Assert.Equal(7, first.Version.Version);
        Assert.Equal(1, refreshed.Version);
        Assert.Equal(1, pool.PredictWithVersion(Large).Version.Version);
    }

    [Fact]
    public async Task Ten_thousand_predictions_from_concurrent_tasks_across_a_swap_all_succeed_and_see_both_versions()
    {
        // arrange
        await using var pool = await ServingVersionOneAsync();
        await PromoteVersionTwoAsync(harness.RegisterFraudModelAsync("FraudDetection", threshold: 300));
        var served = new int[3];
        var failures = 0;
        var total = 0;
        var swapped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // act: four tasks predict until 10,000 predictions were made and some came after the swap
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (Volatile.Read(ref total) < 10_000 || !swapped.Task.IsCompleted || Volatile.Read(ref served[2]) < 100)
            {
                try
                {
                    Interlocked.Increment(ref served[pool.PredictWithVersion(Large).Version.Version]);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref total);
            }
        })).ToList();
        while (Volatile.Read(ref total) < 2_000)
        {
            await Task.Delay(10);
        }

        await pool.RefreshAsync();
        swapped.SetResult();
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromMinutes(5));

        // assert
        Assert.Equal(0, failures);
        Assert.True(total >= 10_000);
        Assert.True(served[1] > 0 && served[2] >= 100, $"version 1 served {served[1]}, version 2 served {served[2]}");
        Assert.Equal(total, served[1] + served[2]);
    }

    private PredictionEnginePool<Transaction, FraudScore> Pool(string reference, TimeSpan? pollInterval = null) =>
        new(harness.Options(pollInterval), [new ServedModelDefinition<Transaction>("", reference)]);

    /// <summary>A pool that follows FraudDetection@Production and has served version 1 once.</summary>
    private async Task<PredictionEnginePool<Transaction, FraudScore>> ServingVersionOneAsync(TimeSpan? pollInterval = null)
    {
        await harness.RegisterFraudModelAsync("FraudDetection", threshold: 200);
        await harness.PromoteAsync("FraudDetection@1");
        var pool = Pool("FraudDetection@Production", pollInterval);
        Assert.Equal(1, pool.PredictWithVersion(Large).Version.Version);
        return pool;
    }

    /// <summary>Another process registers version 2 and promotes it to Production.</summary>
    private async Task PromoteVersionTwoAsync(Task<int> registration)
    {
        Assert.Equal(2, await registration);
        await harness.PromoteAsync("FraudDetection@2");
    }

    /// <summary>A score that counts the predictions written into it (ML.NET sets each property once per prediction).</summary>
    public sealed class CountedScore
    {
        private static int predictions;

        private bool isFraud;

        public static int Predictions => Volatile.Read(ref predictions);

        [Microsoft.ML.Data.ColumnName("PredictedLabel")]
        public bool IsFraud
        {
            get => isFraud;
            set
            {
                isFraud = value;
                Interlocked.Increment(ref predictions);
            }
        }
    }

    /// <summary>An input a service only makes with its values: its parameterless constructor (for serializers) throws.</summary>
    public sealed class CheckedTransaction
    {
        public CheckedTransaction() => throw new InvalidOperationException("A transaction needs an amount and an hour.");

        public CheckedTransaction(float amount, float hour) => (Amount, Hour) = (amount, hour);

        public float Amount { get; set; }

        public float Hour { get; set; }
    }
}
