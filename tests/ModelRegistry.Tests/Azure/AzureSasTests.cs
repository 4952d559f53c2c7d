using Azure.Storage.Sas;
using ModelRegistry.Policies;
using ModelRegistry.Storage.Azure;
using ModelRegistry.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Tests.Azure;

/// <summary>Least privilege: a SAS without delete (or list) permission is enough for everything but garbage
/// collection, and no SAS signature reaches a message or a location shown to anyone.</summary>
[Collection(AzuriteTestGroup.Name)]
public sealed class AzureSasTests(AzuriteFixture azurite)
{
    private const string Model = "FraudDetection";

    [Fact]
    public async Task A_SAS_without_delete_or_list_is_enough_to_register_promote_resolve_and_pull()
    {
        // arrange
        using var scratch = new ScratchFolder();
        var admin = azurite.NewStorage("sas");
        await (await Registry.OpenAsync(admin)).EnsureCreatedAsync();
        var writeSas = Sas(admin, BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write);
        var readSas = Sas(admin, BlobContainerSasPermissions.Read);
        var artifact = scratch.Write("model/model.bin", "onnx weights");
        scratch.Write("model/vocab.txt", "a b c");

        // act
        var writer = await Registry.OpenAsync(writeSas);
        var registered = await writer.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [Path.GetDirectoryName(artifact)!] });
        var promoted = await writer.PromoteAsync(new PromotionRequest
        {
            Reference = $"{Model}@{registered.Version!.Version}",
            Stage = "Production",
            Evidence = new PromotionEvidence { Kind = StagePolicy.Approval, Approvers = ["reviewer"], Requester = "trainer" },
            Actor = "trainer",
        });
        var reader = await Registry.OpenAsync(readSas);
        var resolved = await reader.ResolveAsync($"{Model}@Production");
        var pulled = await reader.PullAsync($"{Model}@Production", scratch.Combine("pulled"));

        // assert
        Assert.True(registered.Created);
        Assert.Equal("Production", promoted.Version.Stage);
        Assert.Equal(registered.Version.Digest, resolved.Digest);
        Assert.Equal(registered.Version.Digest, pulled.Digest);
        Assert.Equal("onnx weights", await File.ReadAllTextAsync(scratch.Combine("pulled/model.bin")));
        Assert.Equal("a b c", await File.ReadAllTextAsync(scratch.Combine("pulled/vocab.txt")));
        Assert.DoesNotContain("sig=", writer.Location, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("?", writer.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_collection_with_a_SAS_that_cannot_delete_is_refused_with_a_message_free_of_the_signature()
    {
        // arrange
        using var scratch = new ScratchFolder();
        var admin = azurite.NewStorage("sasgc");
        var registry = await Registry.OpenAsync(admin);
        await registry.RegisterAsync(new RegistrationRequest { Model = Model, Artifacts = [scratch.Write("m.bin", "v1")] });
        await admin.CreateAsync("blobs/sha256/00/00" + new string('0', 62), new byte[3]);
        var sasLocation = SasLocation(admin, BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List | BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write);
        var limited = await Registry.OpenAsync(AzureConnector.Open(sasLocation, connectionString: null));
        limited.Clock = ShiftedClock.DaysAhead(2);

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => limited.CollectGarbageAsync(Registry.DefaultGrace, dryRun: false));

        // assert
        Assert.Equal("MRB1406", error.Code);
        var signature = System.Web.HttpUtility.ParseQueryString(new Uri(sasLocation).Query)["sig"]!;
        Assert.DoesNotContain(signature, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("docs/azure.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_SAS_with_a_wrong_signature_is_refused_without_echoing_it()
    {
        // arrange
        var admin = azurite.NewStorage("badsig");
        await (await Registry.OpenAsync(admin)).EnsureCreatedAsync();
        var location = SasLocation(admin, BlobContainerSasPermissions.Read);
        var forged = System.Text.RegularExpressions.Regex.Replace(location, "sig=[^&]+", "sig=Zm9yZ2VkLXNpZ25hdHVyZS10aGF0LW11c3Qtbm90LWxlYWs%3D");

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => Registry.OpenAsync(AzureConnector.Open(forged, connectionString: null)));

        // assert
        Assert.Equal("MRB1406", error.Code);
        Assert.DoesNotContain("Zm9yZ2Vk", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_connection_string_with_a_wrong_key_is_refused_without_echoing_the_key()
    {
        // arrange
        const string wrongKey = "d3Jvbmcta2V5LXRoYXQtbXVzdC1uZXZlci1hcHBlYXItaW4tYW4tZXJyb3ItbWVzc2FnZQ==";
        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={AzuriteAccount.Name};AccountKey={wrongKey};BlobEndpoint={azurite.BlobEndpoint};";
        var storage = AzureConnector.Open($"azure://{azurite.NewContainerName("badkey")}/team", connectionString);

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(() => Registry.OpenAsync(storage));

        // assert
        Assert.Equal("MRB1406", error.Code);
        Assert.DoesNotContain(wrongKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey[..20], storage.DisplayLocation, StringComparison.Ordinal);
        Assert.EndsWith("/team", storage.DisplayLocation, StringComparison.Ordinal);
    }

    private static AzureBlobStorage Sas(AzureBlobStorage admin, BlobContainerSasPermissions permissions) =>
        AzureConnector.Open(SasLocation(admin, permissions), connectionString: null);

    /// <summary>The container URL with a SAS query, as a user would paste it.</summary>
    private static string SasLocation(AzureBlobStorage admin, BlobContainerSasPermissions permissions) =>
        admin.Container.GenerateSasUri(permissions, DateTimeOffset.UtcNow.AddHours(1)).ToString();
}
