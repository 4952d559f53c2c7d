using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Build.Tests.Units;

public sealed class TaskAssemblyTests
{
    [Fact]
    public void The_task_assembly_references_only_the_runtime_MSBuild_and_the_contracts()
    {
        // The rule of ARCHITECTURE.md section 1: nothing heavier (Azure SDK, Octokit, libgit2) loads into an MSBuild
        // node, and not the engine either: the contracts, which depend on nothing, are all the tasks share with the tool.
        using var stream = File.OpenRead(ProductPaths.TasksAssembly);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();

        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        Assert.All(references, name => Assert.True(
            name == "ModelRegistry.Contracts" || name.StartsWith("Microsoft.Build", StringComparison.Ordinal) || File.Exists(Path.Combine(runtime, name + ".dll")),
            $"The task assembly references {name}, which is neither the contracts, MSBuild nor part of the .NET runtime."));
    }
}
