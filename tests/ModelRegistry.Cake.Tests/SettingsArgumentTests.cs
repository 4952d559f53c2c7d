using Cake.Core;
using Cake.Core.IO;
using Xunit;

namespace ModelRegistry.Cake.Tests;

/// <summary>What each settings object puts on the CLI's command line, without a Cake host: paths made absolute
/// against the working directory, flags only when set, credentials never on the line.</summary>
public sealed class SettingsArgumentTests
{
    private static readonly ICakeEnvironment Environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());

    private static (string Rendered, string Safe) Render(ModelRegistrySettings settings)
    {
        var builder = new ProcessArgumentBuilder();
        settings.AppendArguments(builder, Environment);
        return (builder.Render(), builder.RenderSafe());
    }

    private static string Absolute(string relative) => new DirectoryPath(relative).MakeAbsolute(Environment).FullPath;

    [Fact]
    public void Restore_settings_give_absolute_paths_and_the_flags_that_are_set()
    {
        var settings = new ModelRegistryRestoreSettings { Registry = "registry" }.WithLockFile("service/models.lock.json").WithCache("cache").InLockedMode();

        var (rendered, _) = Render(settings);

        Assert.Equal($"--registry \"{Absolute("registry")}\" --lock-file \"{Absolute("service")}/models.lock.json\" --cache \"{Absolute("cache")}\" --locked", rendered);
    }

    [Fact]
    public void Unset_restore_settings_add_nothing_so_the_cli_defaults_apply()
    {
        Assert.Equal("", Render(new ModelRegistryRestoreSettings()).Rendered);
    }

    [Fact]
    public void A_registry_with_a_signature_never_reaches_the_command_line()
    {
        var settings = new ModelRegistryRestoreSettings { Registry = "https://acct.blob.core.windows.net/models?sv=2024-01-01&sig=SECRET" }.WithRefresh();

        var (rendered, safe) = Render(settings);

        Assert.Equal("--refresh", rendered);
        Assert.DoesNotContain("SECRET", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_registry_goes_as_written()
    {
        var (rendered, _) = Render(new ModelRegistryResolveSettings { Registry = "https://acct.blob.core.windows.net/models", AsOf = "42" });

        Assert.Equal("--registry \"https://acct.blob.core.windows.net/models\" --as-of \"42\"", rendered);
    }
}
