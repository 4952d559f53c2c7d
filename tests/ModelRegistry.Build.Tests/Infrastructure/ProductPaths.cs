using System.Reflection;

namespace ModelRegistry.Build.Tests.Infrastructure;

/// <summary>Where this checkout's build put the pieces the package would carry.</summary>
internal static class ProductPaths
{
    /// <summary>model-registry.dll from the CLI project's own output.</summary>
    public static string Cli => Metadata("ModelRegistryCli");

    /// <summary>src/ModelRegistry.Build/build/, with the props and targets a package would import.</summary>
    public static string BuildFolder => Metadata("ModelRegistryBuildFolder");

    /// <summary>The dotnet host running these tests, which a build would run the tool with.</summary>
    public static string DotNetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : "dotnet";

    /// <summary>The task assembly next to the tests.</summary>
    public static string TasksAssembly => Path.Combine(AppContext.BaseDirectory, "ModelRegistry.Build.dll");

    private static string Metadata(string key) =>
        typeof(ProductPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
