using ModelRegistry.Manifest;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

public class AliasTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<Registry> WithVersionsAsync(int count)
    {
        var registry = await harness.OpenAsync();
        for (var i = 1; i <= count; i++)
        {
            await harness.RegisterAsync(registry, "FraudDetection", $"weights-{i}");
        }

        return registry;
    }

    [Fact]
    public async Task Set_points_an_alias_at_a_version()
    {
        var registry = await WithVersionsAsync(2);

        var version = await registry.SetAliasAsync("FraudDetection@1", "champion", "best so far", RegistryHarness.Actor);

        Assert.Equal(["champion"], version.Aliases);
        Assert.Equal(1, (await (await harness.OpenAsync()).ResolveAsync("FraudDetection@champion")).Version);
    }

    [Fact]
    public async Task Set_again_moves_the_alias()
    {
        var registry = await WithVersionsAsync(2);
        await registry.SetAliasAsync("FraudDetection@1", "champion", null, null);

        await registry.SetAliasAsync("FraudDetection@2", "champion", "retrained", null);

        var reopened = await harness.OpenAsync();
        Assert.Equal(2, (await reopened.ResolveAsync("FraudDetection@champion")).Version);
        Assert.Empty((await reopened.ResolveAsync("FraudDetection@1")).Aliases);
        Assert.Equal(["champion"], (await reopened.ResolveAsync("FraudDetection@2")).Aliases);
    }

    [Fact]
    public async Task Aliases_sit_beside_stages()
    {
        var registry = await WithVersionsAsync(1);
        await RegistryHarness.PromoteAsync(registry, "FraudDetection@1", "Production");

        await registry.SetAliasAsync("FraudDetection@Production", "canary", null, null);
        await registry.SetAliasAsync("FraudDetection@canary", "champion", null, null);

        var version = await (await harness.OpenAsync()).ResolveAsync("FraudDetection@champion");
        Assert.Equal(("Production", 1), (version.Stage, version.Version));
        Assert.Equal(["canary", "champion"], version.Aliases);
    }

    [Fact]
    public async Task Setting_an_alias_where_it_already_points_commits_nothing()
    {
        var registry = await WithVersionsAsync(1);
        await registry.SetAliasAsync("FraudDetection@1", "champion", null, null);
        var before = harness.Listing();

        await (await harness.OpenAsync()).SetAliasAsync("FraudDetection@1", "champion", null, null);

        Assert.Equal(before, harness.Listing());
    }

    [Fact]
    public async Task Remove_takes_the_alias_away()
    {
        var registry = await WithVersionsAsync(1);
        await registry.SetAliasAsync("FraudDetection@1", "champion", null, null);

        await registry.RemoveAliasAsync("FraudDetection", "champion", "retired", RegistryHarness.Actor);

        var reopened = await harness.OpenAsync();
        await Refusal.ExpectAsync("MRB1004", harness.Root, () => reopened.ResolveAsync("FraudDetection@champion"));
        var last = (await reopened.HistoryAsync("FraudDetection"))[^1];
        Assert.Equal((Operation.AliasRemove, "champion", "retired", 1), (last.Operation, last.Alias, last.Reason, last.Version));
    }

    [Fact]
    public async Task Removing_an_alias_that_does_not_exist_is_refused()
    {
        var registry = await WithVersionsAsync(1);

        await Refusal.ExpectAsync("MRB1004", harness.Root, () => registry.RemoveAliasAsync("FraudDetection", "champion", null, null));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("latest")]
    [InlineData("7")]
    [InlineData("1.0.0")]
    [InlineData("bad alias")]
    public async Task Invalid_alias_is_refused_and_writes_nothing(string alias)
    {
        var registry = await WithVersionsAsync(1);

        await Refusal.ExpectAsync("MRB1007", harness.Root, () => registry.SetAliasAsync("FraudDetection@1", alias, null, null));
    }

    [Fact]
    public async Task Alias_to_an_unknown_version_is_refused()
    {
        var registry = await WithVersionsAsync(1);

        await Refusal.ExpectAsync("MRB1004", harness.Root, () => registry.SetAliasAsync("FraudDetection@2", "champion", null, null));
    }

    [Fact]
    public async Task Aliases_ignore_case_like_model_names_also_after_the_snapshot_is_read_back()
    {
        var registry = await WithVersionsAsync(2);
        await registry.SetAliasAsync("FraudDetection@1", "Champion", null, null);

        var reopened = await harness.OpenAsync();
        Assert.Equal(1, (await reopened.ResolveAsync("FraudDetection@champion")).Version);
        await reopened.SetAliasAsync("FraudDetection@2", "CHAMPION", null, null);

        var fresh = await harness.OpenAsync();
        Assert.Equal(2, (await fresh.ResolveAsync("FraudDetection@Champion")).Version);
        await fresh.RemoveAliasAsync("FraudDetection", "champion", null, null);
        await Refusal.ExpectAsync("MRB1004", harness.Root, async () => await (await harness.OpenAsync()).ResolveAsync("FraudDetection@Champion"));
    }
}
