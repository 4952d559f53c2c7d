using ModelRegistry.Build.Cli;
using ModelRegistry.Faces;
using Xunit;

namespace ModelRegistry.Build.Tests.Units;

public sealed class CliTextTests
{
    [Fact]
    public void A_coded_error_line_is_parsed_into_code_and_message()
    {
        var diagnostic = CliDiagnosticLine.TryParse("error MRB1203: Threshold 'auc>=0.9' not met: actual 0.81, bound 0.9, missed by 0.09.");

        Assert.Equal(new CliDiagnosticLine(true, "MRB1203", "Threshold 'auc>=0.9' not met: actual 0.81, bound 0.9, missed by 0.09."), diagnostic);
    }

    [Fact]
    public void A_coded_warning_line_is_a_warning() =>
        Assert.False(CliDiagnosticLine.TryParse("warning MRB1502: shallow clone")!.IsError);

    [Theory]
    [InlineData("Registered FraudDetection version 1.")]
    [InlineData("error: something without a code")]
    [InlineData("error CS1002: ; expected")]
    public void Other_lines_are_not_coded_diagnostics(string line) => Assert.Null(CliDiagnosticLine.TryParse(line));

    [Fact]
    public void A_url_query_never_reaches_the_log()
    {
        var line = ArgumentRedaction.CommandLine(["resolve", "M@Production", "--registry", "https://acct.blob.core.windows.net/models?sv=2024&sig=SECRET", "a b"]);

        Assert.Equal("resolve M@Production --registry https://acct.blob.core.windows.net/models?<redacted> \"a b\"", line);
    }

    [Fact]
    public void A_registration_document_is_read_from_the_tool_output_with_the_contract_records()
    {
        var json = """{ "model": "Fraud", "version": 3, "digest": "sha256:ab", "stage": "None", "aliases": [], "isNew": true, "files": [ { "path": "m.bin", "size": 6, "digest": "sha256:cd" } ] }""";

        var document = CliDocument.Parse<RegistrationDocument>(Succeeded(json), "register");

        Assert.Equal(("Fraud", 3, "sha256:ab", true), (document.Model, document.Version, document.Digest, document.IsNew));
        Assert.Equal("m.bin", Assert.Single(document.Files).Path);
    }

    [Fact]
    public void An_unreadable_tool_output_is_MRB1612() =>
        Assert.Equal("MRB1612", Assert.Throws<RegistryException>(() => CliDocument.Parse<VersionInfo>(Succeeded("{ \"error\": {} }"), "resolve")).Code);

    private static CliResult Succeeded(string json) => new(0, json, [], []);
}
