namespace ModelRegistry.Cli.Tests.Processes;

/// <summary>Tests that start many CLI processes run one at a time: together they would only measure the CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTestGroup
{
    public const string Name = "CLI processes";
}
