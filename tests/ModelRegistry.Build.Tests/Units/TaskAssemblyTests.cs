using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ModelRegistry.Build.Tests.Infrastructure;
using Xunit;

namespace ModelRegistry.Build.Tests.Units;

public sealed class TaskAssemblyTests
{
    [Fact]
    public void The_task_assembly_references_only_the_runtime_MSBuild_and_the_engine()
    {
        // The rule of ARCHITECTURE.md section 1: nothing heavier (Azure SDK, Octokit, libgit2) loads into an MSBuild node.
        using var stream = File.OpenRead(ProductPaths.TasksAssembly);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();

        var references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToList();

        Assert.All(references, name => Assert.True(
            name is "ModelRegistry" or "netstandard" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Build", StringComparison.Ordinal),
            $"The task assembly references {name}."));
    }
}
