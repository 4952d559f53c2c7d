using System.Security.Cryptography;
using System.Text;
using ModelRegistry.Lineage.Data;
using ModelRegistry.Lineage.Tests.Support;
using ModelRegistry.Manifest;
using ModelRegistry.Recipes;

namespace ModelRegistry.Lineage.Tests;

public sealed class BlobCaptureTests : IDisposable
{
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly TempFolder temp = new();
    private readonly BlobEndpoint endpoint = new();

    public void Dispose()
    {
        endpoint.Dispose();
        temp.Dispose();
    }

    private Task<Recipe> Capture(string uri, Func<string, string?>? variables = null) =>
        RecipeCapture.CaptureAsync(new CaptureOptions
        {
            ProjectDirectory = temp.Path,
            Data = [uri],
            GetVariable = variables ?? Variables.None,
            AzureBlobEndpoints = [endpoint.Account],
        });

    [Fact]
    public async Task Blob_is_recorded_by_etag_version_and_content_md5_read_with_the_account_key()
    {
        var content = Encoding.UTF8.GetBytes("a,b\n1,2\n");
        endpoint.Put("data", "train.csv", content, "\"0x8DD0001\"", "2026-11-25T10:00:00.0000000Z");
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint={endpoint.Account};";

        var recipe = await Capture($"{endpoint.Account}/data/train.csv", Variables.Of(("AZURE_STORAGE_CONNECTION_STRING", connection)));

        var input = recipe.Data.Single();
        Assert.Equal(DataKinds.AzureBlob, input.Kind);
        Assert.Equal("\"0x8DD0001\"", input.ETag);
#pragma warning disable CA5351 // Azure's Content-MD5 header is MD5 by definition.
        Assert.Equal("md5:" + Convert.ToHexStringLower(MD5.HashData(content)), input.ContentMd5);
#pragma warning restore CA5351
        Assert.Equal("2026-11-25T10:00:00.0000000Z", input.VersionId);
        Assert.Equal(content.Length, input.Size);
        Assert.Empty(recipe.Besides551());
        Assert.Contains(endpoint.Requests, r => r.Method == "HEAD" && r.Path == "/devstoreaccount1/data/train.csv" && r.Authorization == "SharedKey");
        Assert.DoesNotContain(DevelopmentKey, Encoding.UTF8.GetString(RegistryJson.Serialize(recipe)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sas_is_used_to_read_but_never_recorded()
    {
        endpoint.Put("data", "train.csv", [1, 2, 3], "\"0x1\"");
        const string signature = "c2VjcmV0LXNpZ25hdHVyZQ%3D%3D";

        var recipe = await Capture($"{endpoint.Account}/data/train.csv?sv=2025-01-05&sr=b&sp=r&se=2030-01-01&sig={signature}");

        var input = recipe.Data.Single();
        Assert.Equal($"{endpoint.Account}/data/train.csv", input.Source);
        Assert.Equal("\"0x1\"", input.ETag);
        Assert.Contains(endpoint.Requests, r => r.Query.Contains("sig=", StringComparison.Ordinal));
        Assert.DoesNotContain("c2VjcmV0", Encoding.UTF8.GetString(RegistryJson.Serialize(recipe)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_blob_is_recorded_as_given_with_a_coded_warning()
    {
        var recipe = await Capture($"{endpoint.Account}/data/missing.csv");

        var input = recipe.Data.Single();
        Assert.Equal(DataKinds.AzureBlob, input.Kind);
        Assert.Null(input.ETag);
        var warning = Assert.Single(recipe.Besides551());
        Assert.StartsWith("MRB1555:", warning, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 BlobNotFound", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_blob_service_is_a_warning_not_a_failure()
    {
        var closed = new Uri($"http://127.0.0.1:{BlobEndpoint.FreePort()}/devstoreaccount1");

        var recipe = await RecipeCapture.CaptureAsync(new CaptureOptions
        {
            ProjectDirectory = temp.Path,
            Data = [$"{closed}/data/train.csv?sig=abc"],
            GetVariable = Variables.None,
            AzureBlobEndpoints = [closed],
        });

        Assert.Equal($"{closed}/data/train.csv", recipe.Data.Single().Source);
        Assert.Single(recipe.Coded("MRB1555"));
        Assert.Single(recipe.Besides551());
    }

    [Theory]
    [InlineData("https://contoso.blob.core.windows.net/data/train.csv", true)]
    [InlineData("https://contoso.blob.core.usgovcloudapi.net/data/train.csv", true)]
    [InlineData("https://contoso.dfs.core.windows.net/data/train.csv", false)]
    [InlineData("https://contoso.blob.core.windows.net.evil.example/data/train.csv", false)]
    [InlineData("https://bucket.s3.amazonaws.com/train.csv", false)]
    public void Azure_blob_hosts_are_recognised(string uri, bool isBlob)
    {
        Assert.Equal(isBlob, AzureBlobCapture.IsAzureBlob(new Uri(uri), []));
    }
}
