using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Reports;

/// <summary>The same registry gives the same bytes, and a run rewrites only the pages whose bytes change.</summary>
public sealed class ReportIncrementalTests
{
    [Fact]
    public async Task Generating_twice_gives_byte_identical_files_and_the_second_run_writes_nothing()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        var first = await scenario.GenerateAsync();
        var before = scenario.Files();

        // act
        var second = await (await scenario.ReopenAsync()).ReportAsync(new() { Output = scenario.Output });

        // assert
        Assert.Equal(first.Pages, first.Written.Count);
        Assert.Empty(second.Written);
        Assert.Empty(second.Removed);
        Assert.Equal(second.Pages, second.Unchanged);
        var after = scenario.Files();
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public async Task A_second_site_from_the_same_registry_is_byte_identical_to_the_first()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        await scenario.GenerateAsync();
        var elsewhere = scenario.Harness.Temp.Combine("other-site");

        // act
        await scenario.Registry.ReportAsync(new() { Output = elsewhere });

        // assert
        var original = scenario.Files();
        var copy = Directory.EnumerateFiles(elsewhere, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(elsewhere, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);
        Assert.Equal(original.Keys.Order(StringComparer.Ordinal), copy.Keys.Order(StringComparer.Ordinal));
        Assert.All(original, file => Assert.True(file.Value.AsSpan().SequenceEqual(copy[file.Key]), $"{file.Key} differs"));
    }

    [Fact]
    public async Task One_new_version_rewrites_only_the_index_its_models_pages_and_its_own_page()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        await scenario.GenerateAsync();
        var version = await scenario.RegisterAsync(ReportScenario.Fraud, 6, 0.9, 30);

        // act
        var report = await scenario.GenerateAsync();

        // assert
        Assert.Equal(6, version);
        Assert.Equal(
            ["index.html", "models/FraudDetection/history.html", "models/FraudDetection/index.html", "models/FraudDetection/v6.html", "models/FraudDetection/v6.provenance.json"],
            report.Written);
        Assert.Empty(report.Removed);
    }

    [Fact]
    public async Task A_promotion_rewrites_the_index_the_models_pages_and_the_pages_of_the_versions_that_moved()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        await scenario.GenerateAsync();
        var promoted = await RegistryHarness.PromoteAsync(scenario.Registry, $"{ReportScenario.Fraud}@5", "Production");

        // act
        var report = await scenario.GenerateAsync();

        // assert
        Assert.Equal(2, promoted.Displaced);
        Assert.Equal(
            ["index.html", "models/FraudDetection/history.html", "models/FraudDetection/index.html", "models/FraudDetection/v2.html", "models/FraudDetection/v5.html"],
            report.Written);
    }

    [Fact]
    public async Task Pages_of_models_left_out_are_removed_but_files_the_report_did_not_write_stay()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        await scenario.GenerateAsync();
        var foreign = Path.Combine(scenario.Output, "models", ReportScenario.Churn, "notes.txt");
        File.WriteAllText(foreign, "kept");
        File.WriteAllText(Path.Combine(scenario.Output, "CNAME"), "models.example.com");

        // act
        var report = await scenario.GenerateAsync(ReportScenario.Fraud);

        // assert
        Assert.Equal(["models/Churn/history.html", "models/Churn/index.html", "models/Churn/v1.html", "models/Churn/v1.provenance.json", "models/Churn/v2.html", "models/Churn/v2.provenance.json"], report.Removed);
        Assert.Equal(["index.html"], report.Written);
        Assert.True(File.Exists(foreign));
        Assert.True(File.Exists(Path.Combine(scenario.Output, "CNAME")));
        Assert.Equal([ReportScenario.Fraud], report.Models);
    }

    [Fact]
    public async Task A_manifest_naming_files_outside_the_output_folder_removes_nothing_there()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        var outside = scenario.Harness.Temp.WriteFile("precious.txt", "keep me");
        Directory.CreateDirectory(scenario.Output);
        File.WriteAllText(Path.Combine(scenario.Output, ".model-registry-report.json"), "[\"../precious.txt\", \"/etc/hostname\"]");

        // act
        var report = await scenario.GenerateAsync();

        // assert
        Assert.Empty(report.Removed);
        Assert.True(File.Exists(outside));
    }

    [Fact]
    public async Task A_location_without_a_registry_is_refused_and_the_site_stays_as_it_was()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();
        await scenario.GenerateAsync();
        var before = scenario.Files();
        var nowhere = await Registry.OpenAsync(scenario.Harness.Temp.Combine("no-registry"));

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => nowhere.ReportAsync(new() { Output = scenario.Output }));

        // assert
        Assert.Equal("MRB1018", error.Code);
        Assert.Equal(before.Keys, scenario.Files().Keys);
    }

    [Fact]
    public async Task An_output_folder_inside_the_registry_is_refused()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => scenario.Registry.ReportAsync(new() { Output = Path.Combine(scenario.Harness.Root, "site") }));

        // assert
        Assert.Equal("MRB1062", error.Code);
        Assert.False(Directory.Exists(Path.Combine(scenario.Harness.Root, "site")));
    }
}
