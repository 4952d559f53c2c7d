using ModelRegistry.Reports;

namespace ModelRegistry.Tests.Reports;

public sealed class ReportPathsTests
{
    [Theory]
    [InlineData("FraudDetection", "FraudDetection")]
    [InlineData("fraud.v2_x-y", "fraud.v2_x-y")]
    public void A_valid_model_name_is_its_own_folder(string model, string folder) =>
        Assert.Equal(folder, ReportPaths.Folder(model));

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("CON")]
    [InlineData("x\u202Ey")]
    public void Any_other_name_becomes_a_safe_folder_of_its_own(string model)
    {
        var folder = ReportPaths.Folder(model);

        Assert.Matches("^m_[A-Za-z0-9._-]*_[0-9a-f]{12}$", folder);
        Assert.NotEqual(folder, ReportPaths.Folder(model + "!"));
    }

    [Fact]
    public void Links_are_relative_to_the_page_that_holds_them()
    {
        Assert.Equal("models/A/v3.html", ReportPaths.Relative(ReportPaths.Index, ReportPaths.VersionPage("A", 3)));
        Assert.Equal("../../assets/report.css", ReportPaths.Relative(ReportPaths.ModelPage("A"), ReportPaths.Css));
    }
}
