using ModelRegistry.Lineage.Text;

namespace ModelRegistry.Tests.Lineage;

/// <summary>The one rule for names whose values are masked: configuration keys, options and variables.</summary>
public sealed class SecretNamesTests
{
    [Theory]
    [InlineData("ApiKey")]
    [InlineData("api_key")]
    [InlineData("--hf-token")]
    [InlineData("accessToken")]
    [InlineData("client_secret")]
    [InlineData("ConnectionStrings")]
    [InlineData("storage.connectionString")]
    [InlineData("DB_PASSWORD")]
    [InlineData("primaryKey")]
    [InlineData("privateKey")]
    [InlineData("sasToken")]
    [InlineData("key")]
    public void Secret_names(string name) => Assert.True(SecretNames.IsSecret(name));

    [Theory]
    [InlineData("tokenizer")]
    [InlineData("max_tokens")]
    [InlineData("maxTokens")]
    [InlineData("keys")]
    [InlineData("monkey")]
    [InlineData("key_path")]
    [InlineData("token_type")]
    [InlineData("KeyVaultName")]
    [InlineData("api_key_id")]
    [InlineData("key_size")]
    [InlineData("learning_rate")]
    public void Names_that_only_describe_or_merely_resemble_a_secret(string name) => Assert.False(SecretNames.IsSecret(name));
}
