using ModelRegistry.Lineage.Provenance;
using ModelRegistry.Lineage.Queries;
using ModelRegistry.Reports;
using Xunit;

namespace ModelRegistry.Tests.Reports;

/// <summary>Each version page offers the version's provenance statement for download: the same bytes the
/// <c>provenance</c> command prints, next to the page.</summary>
public sealed class ReportProvenanceTests
{
    [Fact]
    public async Task Each_version_page_links_a_provenance_statement_equal_to_the_provenance_command_s()
    {
        // arrange
        using var scenario = await ReportScenario.CreateAsync();

        // act
        await scenario.GenerateAsync();

        // assert
        var statement = await new LineageQueries(scenario.Registry).ProvenanceAsync($"{ReportScenario.Fraud}@3");
        Assert.Equal(ProvenanceStatement.ToJson(statement) + "\n", scenario.Page(ReportPaths.ProvenanceFile(ReportScenario.Fraud, 3)));
        var link = ReportPages.Parse(scenario.Page(ReportPaths.VersionPage(ReportScenario.Fraud, 3))).QuerySelector("a.provenance");
        Assert.NotNull(link);
        Assert.Equal("v3.provenance.json", link.GetAttribute("href"));
        Assert.True(link.HasAttribute("download"));
    }
}
