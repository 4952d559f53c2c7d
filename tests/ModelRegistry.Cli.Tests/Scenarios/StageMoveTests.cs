namespace ModelRegistry.Cli.Tests.Scenarios;

/// <summary>Stage moves through the real CLI: --expect-current on promote, archive and rollback, and a rollback that a
/// CI re-run repeats never re-deploys the model it rolled back.</summary>
public sealed class StageMoveTests : Scenario
{
    private async Task WithProductionHistoryAsync()
    {
        await RegisterAsync("FraudDetection", "v1");
        await RegisterAsync("FraudDetection", "v2");
        Assert.Equal(0, (await Cli("promote", "FraudDetection@1", "--to", "Production", "--approved-by", "alice")).ExitCode);
        Assert.Equal(0, (await Cli("promote", "FraudDetection@2", "--to", "Production", "--approved-by", "alice")).ExitCode);
    }

    private async Task<int> ProductionAsync() =>
        (await (await ModelRegistry.Registry.OpenAsync(Registry)).ResolveAsync("FraudDetection@Production")).Version;

    [Fact]
    public async Task A_rollback_repeated_with_the_version_it_rolled_back_from_is_a_no_op()
    {
        await WithProductionHistoryAsync();

        var (first, firstDocument) = await Json("rollback", "FraudDetection", "--from", "2", "--approved-by", "alice");
        var (retried, retriedDocument) = await Json("rollback", "FraudDetection", "--from", "2", "--approved-by", "alice");

        Assert.Equal(0, first.ExitCode);
        Assert.True(firstDocument.GetProperty("changed").GetBoolean());
        Assert.Equal(0, retried.ExitCode);
        Assert.False(retriedDocument.GetProperty("changed").GetBoolean());
        Assert.Equal("FraudDetection version 2 no longer holds Production (version 1 does): nothing was rolled back.", retriedDocument.GetProperty("note").GetString());
        Assert.Equal(1, await ProductionAsync());
    }

    [Fact]
    public async Task A_plain_rollback_run_again_never_re_deploys_the_version_it_rolled_back()
    {
        // arrange: Production went 1, 2, 3
        await WithProductionHistoryAsync();
        await RegisterAsync("FraudDetection", "v3");
        Assert.Equal(0, (await Cli("promote", "FraudDetection@3", "--to", "Production", "--approved-by", "alice")).ExitCode);

        // act: the command a CI job holds, run twice (a re-run), then a third time
        var (first, firstDocument) = await Json("rollback", "FraudDetection", "--approved-by", "alice");
        var (retried, retriedDocument) = await Json("rollback", "FraudDetection", "--approved-by", "alice");
        var (again, _) = await Json("rollback", "FraudDetection", "--approved-by", "alice");

        // assert: one rollback, to 2; the re-runs commit nothing and say which revision rolled back 3
        Assert.Equal((0, true), (first.ExitCode, firstDocument.GetProperty("changed").GetBoolean()));
        Assert.Equal((0, false), (retried.ExitCode, retriedDocument.GetProperty("changed").GetBoolean()));
        Assert.StartsWith("FraudDetection version 2 holds Production because revision 7 rolled back version 3: nothing was rolled back", retriedDocument.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(2, await ProductionAsync());
        var history = await (await ModelRegistry.Registry.OpenAsync(Registry)).HistoryAsync("FraudDetection");
        Assert.Equal(3, history[^1].RolledBack);
        Assert.Equal(7, history[^1].Revision);
    }

    [Fact]
    public async Task Promote_with_a_stale_expect_current_exits_1_with_MRB1310_and_changes_nothing()
    {
        await WithProductionHistoryAsync();
        await RegisterAsync("FraudDetection", "v3");

        var (stale, document) = await Json("promote", "FraudDetection@3", "--to", "Production", "--approved-by", "alice", "--expect-current", "1");
        var (usage, usageDocument) = await Json("promote", "FraudDetection@3", "--to", "Production", "--approved-by", "alice", "--expect-current", "latest");
        var (fresh, _) = await Json("promote", "FraudDetection@3", "--to", "Production", "--approved-by", "alice", "--expect-current", "2");

        Assert.Equal(1, stale.ExitCode);
        Assert.Equal("MRB1310", ErrorCode(document));
        Assert.Equal(2, usage.ExitCode);
        Assert.Equal("MRB1311", ErrorCode(usageDocument));
        Assert.Equal(0, fresh.ExitCode);
        Assert.Equal(3, await ProductionAsync());
    }

    [Fact]
    public async Task Archive_with_expect_current_archives_only_the_version_expected()
    {
        await WithProductionHistoryAsync();

        var (stale, document) = await Json("archive", "FraudDetection@Production", "--expect-current", "1");
        var (archived, _) = await Json("archive", "FraudDetection@Production", "--expect-current", "2");

        Assert.Equal(1, stale.ExitCode);
        Assert.Equal("MRB1310", ErrorCode(document));
        Assert.Equal(0, archived.ExitCode);
        Assert.Equal("Archived", (await (await ModelRegistry.Registry.OpenAsync(Registry)).ResolveAsync("FraudDetection@2")).Stage);
    }
}
