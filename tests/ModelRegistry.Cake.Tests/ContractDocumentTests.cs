using Cake.Core;
using ModelRegistry.Faces;
using ModelRegistry.Runtime;
using Xunit;

namespace ModelRegistry.Cake.Tests;

/// <summary>The addin reads the CLI's documents into the contract's own records, as the CLI wrote them.</summary>
public sealed class ContractDocumentTests
{
    private static CliResult Parse(string json) => new(0, json, [], []);

    [Fact]
    public void A_restore_document_reads_into_the_contract_record_with_its_enum_spelling()
    {
        var document = Parse("""
            { "lockFile": "/p/models.lock.json", "lockWritten": true, "cache": "/c",
              "models": [ { "model": "FraudDetection", "requested": "Production", "version": 7, "digest": "sha256:ab",
                            "files": [ { "path": "model.zip", "size": 4, "digest": "sha256:cd" } ],
                            "path": "/c/sha256/ab", "change": "moved", "previousVersion": 6, "pulled": true } ],
              "problems": [] }
            """);

        var restore = ModelRegistryAliases.Read<RestoreDocument>(document, "restore");

        var model = Assert.Single(restore.Models);
        Assert.Equal((RestoreChange.Moved, 6, 7, "model.zip (4 bytes, sha256:cd)"), (model.Change, model.PreviousVersion, model.Version, model.Files[0].ToString()));
        Assert.True(restore.LockWritten);
    }

    [Fact]
    public void A_stage_change_reads_as_the_version_with_what_the_move_did()
    {
        var document = Parse("""{ "model": "FraudDetection", "version": 3, "digest": "sha256:ab", "stage": "Production", "aliases": ["champion"], "files": [], "changed": true, "fromStage": "Staging", "displaced": 2, "displacedTo": "Archived", "evaluation": { "passed": true, "rules": [] } }""");

        var promotion = ModelRegistryAliases.Read<StageChangeDocument>(document, "promote");

        Assert.Equal("FraudDetection@3 (Production, sha256:ab)", promotion.ToString());
        Assert.Equal((true, "Staging", 2, "Archived"), (promotion.Changed, promotion.FromStage, promotion.Displaced, promotion.DisplacedTo));
        Assert.True(promotion.Evaluation.Passed);
        Assert.Empty(promotion.Evaluation.Failures);
        Assert.Null(promotion.GitHub);
    }

    [Fact]
    public void A_document_missing_what_the_contract_requires_is_MRB1804()
    {
        var error = Assert.Throws<CakeException>(() => ModelRegistryAliases.Read<VersionInfo>(Parse("""{ "model": "FraudDetection" }"""), "resolve"));

        Assert.StartsWith("MRB1804: model-registry resolve did not print", error.Message, StringComparison.Ordinal);
    }
}
