using System.Diagnostics;
using Xunit.Sdk;

namespace EndToEnd.Tests.Templates;

/// <summary>Runs git in a test folder, with an identity of its own, so a generated repository has real code lineage.</summary>
public static class GitRepository
{
    public static async Task InitAndCommitAsync(string folder, string message)
    {
        await RunAsync(folder, "init", "--quiet", "--initial-branch=main");
        await CommitAllAsync(folder, message);
    }

    public static async Task CommitAllAsync(string folder, string message)
    {
        await RunAsync(folder, "add", "--all");
        await RunAsync(folder, "-c", "user.name=Template Test", "-c", "user.email=template-test@example.invalid", "commit", "--quiet", "--allow-empty", "-m", message);
    }

    public static Task TagAsync(string folder, string tag) => RunAsync(folder, "tag", tag);

    public static async Task RunAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The machine-wide git configuration (hooks, templates) stays out of the test repository.
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new XunitException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }
}
