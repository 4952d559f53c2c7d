using ModelRegistry.Build.Registration;
using ModelRegistry.Build.Tasks;
using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;
using static ModelRegistry.Build.Tests.Infrastructure.Items;

namespace ModelRegistry.Build.Tests.Tasks;

public sealed class SmallTasksTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeBuildEngine engine = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadModelRegistration_sets_the_version_properties_for_a_single_model()
    {
        RegistrationStamp.Write(folder.Combine("registered.json"), [new RegisteredVersion("FraudDetection", 3, "sha256:abc")]);
        var task = new ReadModelRegistration { BuildEngine = engine, StampFile = folder.Combine("registered.json") };

        Assert.True(task.Execute());

        Assert.Equal(("3", "sha256:abc"), (task.Version, task.Digest));
        Assert.Equal("FraudDetection", Assert.Single(task.RegisteredModels).ItemSpec);
    }

    [Fact]
    public void ReadModelRegistration_leaves_the_properties_empty_for_several_models_or_no_stamp()
    {
        RegistrationStamp.Write(folder.Combine("registered.json"), [new RegisteredVersion("A", 1, "sha256:a"), new RegisteredVersion("B", 2, "sha256:b")]);
        var several = new ReadModelRegistration { BuildEngine = engine, StampFile = folder.Combine("registered.json") };
        var none = new ReadModelRegistration { BuildEngine = engine, StampFile = folder.Combine("missing.json") };

        Assert.True(several.Execute());
        Assert.True(none.Execute());

        Assert.Equal((2, null, 0, null), (several.RegisteredModels.Length, several.Version, none.RegisteredModels.Length, none.Version));
    }

    [Fact]
    public void GenerateModelConstants_writes_the_file_once_and_leaves_an_unchanged_one_untouched()
    {
        var output = folder.Combine("obj", "ModelRegistryModels.g.cs");
        var references = new[] { Item("FraudDetection", ("Version", "Production"), ("ResolvedVersion", "2"), ("Digest", "sha256:abc"), ("TargetPath", "models/FraudDetection")) };
        Assert.True(new GenerateModelConstants { BuildEngine = engine, ResolvedReferences = references, OutputFile = output, Namespace = "Service" }.Execute());
        var stamp = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(output, stamp);

        Assert.True(new GenerateModelConstants { BuildEngine = engine, ResolvedReferences = references, OutputFile = output, Namespace = "Service" }.Execute());

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(output));
        Assert.Contains("public const int Version = 2;", File.ReadAllText(output), StringComparison.Ordinal);
    }
}
