using System.Security.Cryptography;
using ModelRegistry.Content;
using ModelRegistry.Metrics;
using ModelRegistry.Policies;
using ModelRegistry.Storage;
using ModelRegistry.Storage.Azure;
using ModelRegistry.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Tests.Azure;

/// <summary>The engine on the Azure backend: what a registry costs on the wire, large artifacts, and copies.</summary>
[Collection(AzuriteTestGroup.Name)]
public sealed class AzureRegistryTests(AzuriteFixture azurite)
{
    private const string Model = "FraudDetection";

    [Fact]
    public async Task Resolving_Production_when_nothing_changed_costs_two_small_requests_and_no_object_body()
    {
        // arrange
        using var scratch = new ScratchFolder();
        var recorder = new RecordingPolicy();
        var registry = await Registry.OpenAsync(azurite.NewStorage("resolvecost", new AzureStorageOptions { PerTryPolicies = [recorder] }));
        var registered = await registry.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [scratch.Write("m.bin", "v1")] });
        await registry.PromoteAsync(Promotion($"{Model}@1", "Production"));
        await registry.ResolveAsync($"{Model}@Production");
        recorder.Clear();

        // act
        var resolved = await registry.ResolveAsync($"{Model}@Production");

        // assert
        Assert.Equal(registered.Version!.Digest, resolved.Digest);
        var requests = recorder.Snapshot();
        Assert.Equal(2, requests.Count);
        Assert.Contains(requests, r => r.Path.EndsWith("/state.json", StringComparison.Ordinal) && r.Status == 304 && r.ResponseLength is null or 0);
        Assert.Contains(requests, r => r.Path.Contains("/log/", StringComparison.Ordinal) && r.Status == 404);
        Assert.All(requests, r => Assert.True(r.ResponseLength is null or < 4096));
    }

    [Fact]
    public async Task A_large_artifact_goes_up_in_blocks_and_comes_back_verified()
    {
        // arrange
        using var scratch = new ScratchFolder();
        var recorder = new RecordingPolicy();
        var options = new AzureStorageOptions { BlockSize = 256 << 10, SingleUploadLimit = 256 << 10, Concurrency = 4, PerTryPolicies = [recorder] };
        var registry = await Registry.OpenAsync(azurite.NewStorage("large", options));
        var weights = RandomNumberGenerator.GetBytes((3 << 20) + 17);
        var artifact = scratch.Write("model/weights.bin", weights);

        // act
        var registered = await registry.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [artifact] });
        var again = await registry.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [artifact] });
        await registry.PullAsync($"{Model}@1", scratch.Combine("pulled"));

        // assert
        Assert.Equal(weights.Length, registered.BytesUploaded);
        Assert.Equal((false, 0L), (again.Created, again.BytesUploaded));
        Assert.Equal(13, recorder.Snapshot().Count(r => r.Comp == "block"));
        Assert.Equal("*", Assert.Single(recorder.Snapshot(), r => r.Comp == "blocklist").IfNoneMatch);
        Assert.InRange(recorder.MaxStagesInFlight, 1, 4);
        Assert.Equal(weights, await File.ReadAllBytesAsync(scratch.Combine("pulled/weights.bin")));
    }

    [Fact]
    public async Task An_upload_whose_bytes_do_not_match_their_digest_is_never_committed()
    {
        // arrange
        var recorder = new RecordingPolicy();
        var storage = azurite.NewStorage("mismatch", new AzureStorageOptions { BlockSize = 64 << 10, SingleUploadLimit = 64 << 10, PerTryPolicies = [recorder] });
        var content = RandomNumberGenerator.GetBytes(300_000);
        var claimed = Sha256Digest.Of(RandomNumberGenerator.GetBytes(16));
        var path = Manifest.RegistryPaths.Blob(claimed);

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            storage.UploadAsync(path, new VerifyingReadStream(new MemoryStream(content), claimed, content.Length, "weights.bin"), content.Length));

        // assert
        Assert.Equal("MRB1015", error.Code);
        Assert.DoesNotContain(recorder.Snapshot(), r => r.Comp == "blocklist");
        Assert.Null(await storage.GetInfoAsync(path));
    }

    [Fact]
    public async Task A_version_copied_folder_to_Azure_to_folder_keeps_its_digests_and_notes_where_it_came_from()
    {
        // arrange
        using var scratch = new ScratchFolder();
        var team = await Registry.OpenAsync(new FolderStorage(scratch.Combine("team-registry")));
        var company = await Registry.OpenAsync(azurite.NewStorage("copy", prefix: "company"));
        var archive = await Registry.OpenAsync(new FolderStorage(scratch.Combine("archive-registry")));
        scratch.Write("model/model.bin", "onnx weights");
        scratch.Write("model/config/tokenizer.json", "{}");
        var metrics = scratch.Write("metrics.json", "{\"auc\": 0.93}");
        var original = await team.RegisterAsync(new RegistrationRequest
        {
            Model = Model,
            Artifacts = [scratch.Combine("model")],
            Metrics = MetricsDocument.Load(metrics),
            Label = "1.2.0",
            Tags = new Dictionary<string, string> { ["team"] = "risk" },
            Description = "first candidate",
        });

        // act
        var toAzure = await team.CopyVersionAsync($"{Model}@1.2.0", company, actor: "release-bot");
        var repeated = await team.CopyVersionAsync($"{Model}@1", company);
        var toFolder = await company.CopyVersionAsync($"{Model}@1", archive);
        await archive.PullAsync($"{Model}@1", scratch.Combine("pulled"));

        // assert
        Assert.True(toAzure.Created);
        Assert.Equal(original.Version!.Files.Sum(f => f.Size), toAzure.BytesCopied);
        Assert.Equal((false, 0L, 1), (repeated.Created, repeated.BytesCopied, repeated.Destination.Version));
        foreach (var copy in new[] { toAzure.Destination, toFolder.Destination })
        {
            Assert.Equal(original.Version.Digest, copy.Digest);
            Assert.Equal(original.Version.Files, copy.Files);
            Assert.Equal(original.Version.RecipeDigest, copy.RecipeDigest);
            Assert.Equal(("1.2.0", "first candidate", 0.93), (copy.Label, copy.Description, copy.Metrics["auc"]));
            Assert.Equal("risk", copy.Tags["team"]);
            Assert.Equal("None", copy.Stage);
        }

        var history = Assert.Single(await company.HistoryAsync(Model));
        Assert.Equal("release-bot", history.Actor);
        Assert.Contains(team.Location, history.Reason, StringComparison.Ordinal);
        Assert.Equal(original.Version.Digest, history.Evidence!["copiedFrom"]!["digest"]!.GetValue<string>());
        Assert.Contains(company.Location, Assert.Single(await archive.HistoryAsync(Model)).Reason, StringComparison.Ordinal);
        Assert.Equal("onnx weights", await File.ReadAllTextAsync(scratch.Combine("pulled/model.bin")));
        Assert.Empty((await archive.VerifyAsync()).Problems);
    }

    [Fact]
    public async Task A_copy_from_a_damaged_source_commits_nothing()
    {
        // arrange
        using var scratch = new ScratchFolder();
        var sourceStorage = new FolderStorage(scratch.Combine("source"));
        var source = await Registry.OpenAsync(sourceStorage);
        var registered = await source.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [scratch.Write("m.bin", "original weights")] });
        var blob = Path.Combine(sourceStorage.Root, Manifest.RegistryPaths.Blob(registered.Version!.Files[0].Digest));
        await File.WriteAllTextAsync(blob, "tampered weights");
        var destination = await Registry.OpenAsync(azurite.NewStorage("damaged"));

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => source.CopyVersionAsync($"{Model}@1", destination));

        // assert
        Assert.Equal("MRB1410", error.Code);
        Assert.Null(await destination.Storage.GetInfoAsync(Manifest.RegistryPaths.Blob(registered.Version.Files[0].Digest)));
        await Assert.ThrowsAsync<RegistryException>(() => destination.ResolveAsync($"{Model}@1"));
    }

    private static PromotionRequest Promotion(string reference, string stage) => new()
    {
        Reference = reference,
        Stage = stage,
        Evidence = new PromotionEvidence { Kind = StagePolicy.Approval, Approvers = ["reviewer"], Requester = "trainer" },
        Actor = "trainer",
    };
}
