using System.Text;
using ModelRegistry.Manifest;
using ModelRegistry.Retention;

namespace ModelRegistry.Tests.Documentation;

/// <summary>
/// Log entries and retention revisions are stored by the engine and printed by the tool through the same contract
/// records: text the registry wrote before these types moved into ModelRegistry.Contracts (copied verbatim from a
/// registry made by that version) reads into the records and writes back byte for byte, through the engine's options
/// and through the contract's.
/// </summary>
public sealed class StoredFormatTests
{
    private static readonly string[] StoredEntries =
    [
        """{"format":1,"revision":1,"writeId":"3f5514fb5e9b487390e6af2cf03d9329","time":"2026-12-05T17:00:26.9127277+00:00","actor":"root","operation":"register","model":"FraudDetection","version":1,"record":"sha256:e0596072d538428c53f9f419a2877ca187ef2f1a79dc319094b68180674c263b","recipe":"sha256:0557f32f402362fa30607911d87920018850065a32f20d96b836758e4eee52da","label":"1.0.0"}""",
        """{"format":1,"revision":2,"writeId":"593f40cbca4142518aa02c7ae7d12c63","time":"2026-12-05T17:00:29.3655068+00:00","actor":"root","operation":"stage","model":"FraudDetection","version":1,"record":"sha256:e0596072d538428c53f9f419a2877ca187ef2f1a79dc319094b68180674c263b","stage":"Production","fromStage":"None","reason":"first","evidence":{"kind":"local","approvers":["alice"],"details":{}}}""",
        """{"format":1,"revision":3,"writeId":"f8b84d5d9984461fb5cbf020ab50a85f","time":"2026-12-05T17:00:32.2765555+00:00","actor":"root","operation":"aliasSet","model":"FraudDetection","version":1,"record":"sha256:e0596072d538428c53f9f419a2877ca187ef2f1a79dc319094b68180674c263b","alias":"champion"}""",
    ];

    public static TheoryData<string> LogEntries { get; } = new(StoredEntries);

    private const string RetentionRevisionText =
        """{"format":1,"revision":1,"writeId":"b4796a3c556342609f98932f01055980","time":"2026-12-05T17:00:34.7828342+00:00","actor":"root","reason":"costs","default":{"keepLast":5,"keepProductionFor":"90d"},"models":{}}""";

    [Theory]
    [MemberData(nameof(LogEntries))]
    public void A_stored_log_entry_reads_and_writes_back_byte_for_byte(string stored)
    {
        var entry = RegistryJson.Deserialize<LogEntry>(Encoding.UTF8.GetBytes(stored), "log/entry.json");

        Assert.Equal(stored, Encoding.UTF8.GetString(RegistryJson.Serialize(entry)));
        Assert.Equal(stored, System.Text.Json.JsonSerializer.Serialize(ContractJson.Deserialize<LogEntry>(stored), ContractJson.Options));
    }

    [Fact]
    public void Operations_keep_their_stored_spelling()
    {
        var entries = StoredEntries.Select(text => RegistryJson.Deserialize<LogEntry>(Encoding.UTF8.GetBytes(text), "log/entry.json"));

        Assert.Equal([Operation.Register, Operation.Stage, Operation.AliasSet], entries.Select(e => e.Operation));
    }

    [Fact]
    public void A_stored_retention_revision_reads_and_writes_back_byte_for_byte()
    {
        var revision = RegistryJson.Deserialize<RetentionRevision>(Encoding.UTF8.GetBytes(RetentionRevisionText), "retention/1.json");

        Assert.Equal(TimeSpan.FromDays(90), revision.Default!.KeepProductionFor);
        Assert.Equal(RetentionRevisionText, Encoding.UTF8.GetString(RegistryJson.Serialize(revision)));
    }
}
