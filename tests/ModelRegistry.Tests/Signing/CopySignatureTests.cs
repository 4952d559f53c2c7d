using ModelRegistry.Manifest;
using ModelRegistry.Signing;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Signing;

/// <summary>A copy between registries carries a version's registration signatures when they still sign it there.</summary>
public sealed class CopySignatureTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    private readonly SigningKey key;

    public CopySignatureTests() => key = SigningKey.FromPemFile(TestKeys.Write(harness.Temp, "release").PrivatePath);

    public void Dispose()
    {
        key.Dispose();
        harness.Dispose();
    }

    private string Destination => harness.Temp.Combine("destination");

    /// <summary>Version 1 of Fraud, its registration and its move into Production signed.</summary>
    private async Task<Registry> SignedSourceAsync()
    {
        var source = await harness.OpenAsync();
        await harness.RegisterAsync(source, "Fraud", "weights", r => r with { SignWith = key });
        await source.PromoteAsync(new PromotionRequest { Reference = "Fraud@1", Stage = "Production", Evidence = Policies.PromotionEvidence.LocalApproval("alice"), SignWith = key });
        return source;
    }

    /// <summary>The destination, holding a Fraud version 1 it registered itself from a file of this content.</summary>
    private async Task<Registry> DestinationHoldingAsync(string content)
    {
        var destination = await Registry.OpenAsync(Destination);
        await harness.RegisterAsync(destination, "Fraud", content);
        return destination;
    }

    [Fact]
    public async Task A_copy_that_keeps_the_version_number_carries_the_registration_signature_and_its_key_but_not_the_stage_move()
    {
        // arrange
        var source = await SignedSourceAsync();
        var destination = await Registry.OpenAsync(Destination);

        // act
        var result = await source.CopyVersionAsync("Fraud@1", destination);
        var again = await source.CopyVersionAsync("Fraud@1", destination);
        var verified = await destination.VerifySignaturesAsync("Fraud@1");

        // assert
        var carried = Assert.Single(result.Signatures);
        Assert.True(carried.Valid, carried.Problem);
        Assert.Equal(TrustPolicy.Registration, carried.Kind);
        Assert.Equal(key.KeyId, carried.KeyId);
        Assert.Null(result.SignatureNote);
        Assert.True(Assert.Single(again.Signatures).Valid);
        Assert.Equal([TrustPolicy.Registration], verified.Signatures.Select(s => s.Kind));
        Assert.True(File.Exists(Path.Combine(Destination, RegistryPaths.SigningKey(key.KeyId))));
    }

    [Fact]
    public async Task A_renumbered_copy_carries_no_signature_and_says_so()
    {
        // arrange: the destination already has a version 1 of Fraud, so the copy becomes version 2
        var source = await SignedSourceAsync();
        var destination = await DestinationHoldingAsync("other weights");

        // act
        var result = await source.CopyVersionAsync("Fraud@1", destination);

        // assert
        Assert.Equal(2, result.Destination.Version);
        Assert.Empty(result.Signatures);
        Assert.StartsWith("MRB2020: 1 registration signature(s) of Fraud@1 were not copied: they name Fraud@1, and the copy is Fraud@2", result.SignatureNote, StringComparison.Ordinal);
        Assert.Empty((await destination.VerifySignaturesAsync("Fraud@2")).Signatures);
        Assert.False(Directory.Exists(Path.Combine(Destination, "keys")));
    }

    [Fact]
    public async Task A_version_the_destination_registered_itself_from_the_same_recipe_gets_no_signature_that_names_another_record()
    {
        // arrange: the destination registered the same file itself, so it holds the recipe under a record of its own
        var source = await SignedSourceAsync();
        var destination = await DestinationHoldingAsync("weights");

        // act
        var result = await source.CopyVersionAsync("Fraud@1", destination);

        // assert
        Assert.False(result.Created);
        Assert.NotEqual(result.Source.Digest, result.Destination.Digest);
        Assert.Empty(result.Signatures);
        Assert.Contains("under its own record", result.SignatureNote, StringComparison.Ordinal);
        Assert.Empty((await destination.VerifySignaturesAsync("Fraud@1")).Signatures);
    }
}
