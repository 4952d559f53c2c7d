using ModelRegistry.Signing;

namespace ModelRegistry.Tests.Infrastructure;

/// <summary>
/// What the trust tests start from: a folder registry, a "release" signing key written beside it (its private key
/// loaded, its public key file's path kept for policies) and the consumer project's lock path.
/// </summary>
public abstract class ReleaseKeyTests : IDisposable
{
    protected ReleaseKeyTests()
    {
        var (privatePath, publicPath) = TestKeys.Write(Harness.Temp, "release");
        Release = SigningKey.FromPemFile(privatePath);
        ReleasePublic = publicPath;
    }

    protected RegistryHarness Harness { get; } = new();

    protected SigningKey Release { get; }

    protected string ReleasePublic { get; }

    protected string LockPath => Harness.Temp.Combine("project", "models.lock.json");

    public void Dispose()
    {
        Release.Dispose();
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }
}
