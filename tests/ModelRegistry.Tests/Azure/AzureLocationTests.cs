using Azure.Storage.Blobs;
using ModelRegistry.Storage;
using ModelRegistry.Storage.Azure;
using Xunit;

namespace ModelRegistry.Tests.Azure;

/// <summary>Registry locations in the forms Azure users write them, and what is shown of them.</summary>
public sealed class AzureLocationTests
{
    private const string Signature = "c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ%3D%3D";
    private const string Key = "c2VjcmV0LWFjY291bnQta2V5LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw==";

    [Fact]
    public void An_account_url_opens_the_container_and_prefix_with_Azure_credentials()
    {
        // act
        var storage = AzureConnector.Open("https://contoso.blob.core.windows.net/models/team-a/fraud", connectionString: null);

        // assert
        Assert.Equal("https://contoso.blob.core.windows.net/models/team-a/fraud", storage.DisplayLocation);
        Assert.Equal("models", storage.Container.Name);
        Assert.Equal("contoso", storage.Container.AccountName);
        Assert.Equal("team-a/fraud", storage.Prefix);
        Assert.Equal("team-a/fraud/registry.json", storage.Blob("registry.json").Name);
    }

    [Fact]
    public void A_SAS_url_keeps_its_signature_out_of_the_display_location_and_the_client_uri()
    {
        // act
        var storage = AzureConnector.Open($"https://contoso.blob.core.windows.net/models?sv=2025-01-05&sp=rcw&se=2030-01-01T00%3A00%3A00Z&sr=c&sig={Signature}", connectionString: null);

        // assert
        Assert.Equal("https://contoso.blob.core.windows.net/models", storage.DisplayLocation);
        Assert.Empty(storage.Container.Uri.Query);
        Assert.Equal("", storage.Prefix);
    }

    [Fact]
    public void An_azure_scheme_location_takes_the_endpoint_and_key_from_the_connection_string()
    {
        // act
        var storage = AzureConnector.Open("azure://models/team-a", $"DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey={Key};EndpointSuffix=core.windows.net");

        // assert
        Assert.Equal("https://contoso.blob.core.windows.net/models/team-a", storage.DisplayLocation);
        Assert.Equal("contoso", storage.Container.AccountName);
        Assert.Equal("team-a", storage.Prefix);
    }

    [Fact]
    public void A_connection_string_with_a_SAS_works_and_its_signature_stays_hidden()
    {
        // act
        var storage = AzureConnector.Open("azure://models", $"BlobEndpoint=https://contoso.blob.core.windows.net/;SharedAccessSignature=sv=2025-01-05&sp=r&sig={Signature}");

        // assert
        Assert.Equal("https://contoso.blob.core.windows.net/models", storage.DisplayLocation);
        Assert.Empty(storage.Container.Uri.Query);
    }

    [Fact]
    public void The_emulator_url_uses_the_development_account_without_a_connection_string()
    {
        // act
        var storage = AzureConnector.Open("http://127.0.0.1:10000/devstoreaccount1/models/reg", connectionString: null);

        // assert
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/models/reg", storage.DisplayLocation);
        Assert.Equal(AzuriteAccount.Name, storage.Container.AccountName);
        Assert.True(storage.Container.CanGenerateSasUri);
    }

    [Fact]
    public void A_url_with_a_connection_string_for_the_same_account_uses_its_key()
    {
        // act
        var storage = AzureConnector.Open("https://contoso.blob.core.windows.net/models", $"AccountName=contoso;AccountKey={Key}");

        // assert
        Assert.True(storage.Container.CanGenerateSasUri);
        Assert.Equal("https://contoso.blob.core.windows.net/models", storage.DisplayLocation);
    }

    [Fact]
    public void A_connection_string_for_another_account_is_refused_by_name_only()
    {
        // act
        var error = Assert.Throws<RegistryException>(() => AzureConnector.Open("https://contoso.blob.core.windows.net/models", $"AccountName=fabrikam;AccountKey={Key}"));

        // assert
        Assert.Equal("MRB1404", error.Code);
        Assert.Contains("'fabrikam'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccountName=contoso;AccountKey=not*base64*" + Key, "AccountKey is not base64")]
    [InlineData("AccountName=contoso", "neither AccountKey nor SharedAccessSignature")]
    [InlineData("AccountKey=" + Key, "neither AccountName nor BlobEndpoint")]
    [InlineData("AccountName=contoso;AccountKey=" + Key + ";stray text", "not keyword=value")]
    public void A_broken_connection_string_is_refused_without_echoing_it(string connectionString, string why)
    {
        // act
        var error = Assert.Throws<RegistryException>(() => AzureConnector.Open("azure://models", connectionString));

        // assert
        Assert.Equal("MRB1403", error.Code);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_azure_scheme_location_without_a_connection_string_says_what_to_set()
    {
        // act
        var error = Assert.Throws<RegistryException>(() => AzureConnector.Open("azure://models", connectionString: null));

        // assert
        Assert.Equal("MRB1402", error.Code);
        Assert.Contains(AzureConnector.ConnectionStringVariable, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://contoso.blob.core.windows.net/", "names no container")]
    [InlineData("https://contoso.blob.core.windows.net/Models", "not a container name")]
    [InlineData("https://contoso.blob.core.windows.net/ab", "not a container name")]
    [InlineData("https://contoso.blob.core.windows.net/models/../other", "'..'")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1", "names the account and then the container")]
    public void A_malformed_location_is_refused_with_the_reason(string location, string why)
    {
        // act
        var error = Assert.Throws<RegistryException>(() => AzureConnector.Open(location, connectionString: null));

        // assert
        Assert.Equal("MRB1401", error.Code);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_before_the_host_are_refused_and_not_echoed()
    {
        // act
        var error = Assert.Throws<RegistryException>(() => AzureConnector.Open("https://user:hunter2@contoso.blob.core.windows.net/models", connectionString: null));

        // assert
        Assert.Equal("MRB1401", error.Code);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused()
    {
        // act
        var error = Assert.Throws<RegistryException>(() => AzureConnector.Open($"http://contoso.blob.core.windows.net/models?sig={Signature}", connectionString: null));

        // assert
        Assert.Equal("MRB1405", error.Code);
        Assert.DoesNotContain(Signature, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistryLocation_opens_urls_on_Azure_and_everything_else_as_a_folder()
    {
        // act
        var azure = RegistryLocation.Open("https://contoso.blob.core.windows.net/models");
        var folder = RegistryLocation.Open(Path.Combine(Path.GetTempPath(), "some-registry"));

        // assert
        Assert.IsType<AzureBlobStorage>(azure);
        Assert.IsType<FolderStorage>(folder);
    }

    [Theory]
    [InlineData("https://a.blob.core.windows.net/c?sv=1&sig=abc%2Bdef&se=2", "https://a.blob.core.windows.net/c")]
    [InlineData("failed: DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc+def==;EndpointSuffix=x", "failed: DefaultEndpointsProtocol=https;AccountName=a;AccountKey=REDACTED;EndpointSuffix=x")]
    [InlineData("SharedAccessSignature=sv=1&sig=abc", "SharedAccessSignature=REDACTED")]
    [InlineData("query sig=abc&sp=r", "query sig=REDACTED&sp=r")]
    [InlineData("Authorization: Bearer eyJ0eXAi.eyJhdWQi.c2ln", "Authorization: Bearer REDACTED")]
    public void The_scrubber_removes_every_kind_of_secret(string text, string expected)
    {
        // act
        var scrubbed = SecretScrubber.Scrub(text);

        // assert
        Assert.Equal(expected, scrubbed);
    }

    [Fact]
    public void The_service_version_is_one_the_emulator_accepts()
    {
        // assert
        Assert.Equal(BlobClientOptions.ServiceVersion.V2026_06_06, AzureConnector.ServiceVersion);
    }
}
