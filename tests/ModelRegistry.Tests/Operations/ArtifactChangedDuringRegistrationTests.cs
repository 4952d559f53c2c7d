using ModelRegistry.Manifest;
using ModelRegistry.Storage;
using ModelRegistry.Tests.Infrastructure;

namespace ModelRegistry.Tests.Operations;

/// <summary>A training job still writing its output while it is registered: files are hashed first and uploaded after,
/// so a file that changes in between must not land under the digest of its old content, and nothing is registered.</summary>
public sealed class ArtifactChangedDuringRegistrationTests : IDisposable
{
    private readonly RegistryHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>Real folder storage that lets the test act on the artifact the moment its upload begins.</summary>
    private Task<Registry> OpenChangingBeforeUploadAsync(Action change)
    {
        var storage = new FaultyStorage(new FolderStorage(harness.Root), (operation, _) =>
        {
            if (operation == "upload")
            {
                change();
            }

            return Fault.None;
        });
        return Registry.OpenAsync(storage);
    }

    private static byte[] Weights(int seed)
    {
        var content = new byte[3 << 20];
        new Random(seed).NextBytes(content);
        return content;
    }

    [Theory]
    [InlineData("rewritten")]
    [InlineData("truncated")]
    [InlineData("grown")]
    public async Task A_file_that_changes_between_hashing_and_upload_is_refused_and_nothing_is_registered(string how)
    {
        var artifact = harness.Artifact("model.bin", Weights(1));
        var registry = await OpenChangingBeforeUploadAsync(() =>
        {
            switch (how)
            {
                case "rewritten":
                    File.WriteAllBytes(artifact, Weights(2));
                    break;
                case "truncated":
                    // Another program (the trainer) does it: .NET's own file-sharing emulation would refuse a .NET writer.
                    using (var truncate = System.Diagnostics.Process.Start("truncate", ["-s", "1M", artifact]))
                    {
                        truncate.WaitForExit();
                    }

                    break;
                default:
                    File.AppendAllText(artifact, "more");
                    break;
            }
        });

        var refusal = await Assert.ThrowsAsync<RegistryException>(() =>
            registry.RegisterAsync(new RegistrationRequest { Model = "FraudDetection", Artifacts = [artifact] }));

        Assert.Equal("MRB1015", refusal.Code);
        var fresh = await harness.OpenAsync();
        Assert.Empty(await fresh.ListModelsAsync());
        Assert.True((await fresh.VerifyAsync()).Clean);
        Assert.False(Directory.Exists(harness.StoredPath(RegistryPaths.Blobs)) && Directory.EnumerateFiles(harness.StoredPath(RegistryPaths.Blobs), "*", SearchOption.AllDirectories).Any());
    }
}
