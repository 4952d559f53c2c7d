using Xunit.Sdk;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>What one <c>dotnet</c> process did: its command line, exit code and both output streams.</summary>
public sealed record DotNetResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, stdout first: MSBuild writes its diagnostics to stdout, tools write theirs to stderr.</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>Fails the test with the whole transcript when the process did not exit with 0.</summary>
    public DotNetResult AssertSuccess()
    {
        if (!Succeeded)
        {
            throw new XunitException($"Expected success but exit code was {ExitCode}.\n{this}");
        }

        return this;
    }

    /// <summary>Fails the test with the whole transcript when the process exited with 0.</summary>
    public DotNetResult AssertFailure()
    {
        if (Succeeded)
        {
            throw new XunitException($"Expected failure but exit code was 0.\n{this}");
        }

        return this;
    }

    public override string ToString() =>
        $"> {CommandLine}\n(exit code {ExitCode})\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
