using System.Diagnostics;

namespace ModelRegistry.Lineage.Tests.Support;

/// <summary>Runs the real git CLI in a folder, with an identity and defaults that do not depend on the machine.</summary>
public static class Git
{
    public static string Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var setting in new[] { "user.name=Lineage Test", "user.email=lineage@example.com", "init.defaultBranch=main", "commit.gpgsign=false", "tag.gpgsign=false", "protocol.file.allow=always", "core.autocrlf=false" })
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(setting);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
        }

        return output.Result.Trim();
    }

    /// <summary>A new repository with one commit of <c>train.py</c> on main.</summary>
    public static string InitWithCommit(TempFolder temp, string name = "repo")
    {
        var root = temp.Folder(name);
        Run(root, "init", "-q");
        File.WriteAllText(Path.Combine(root, "train.py"), "print('training')\n");
        Run(root, "add", "-A");
        Run(root, "commit", "-q", "-m", "First");
        return root;
    }

    public static string Commit(string root, string file, string content, string message)
    {
        var full = Path.Combine(root, file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        Run(root, "add", "-A");
        Run(root, "commit", "-q", "-m", message);
        return Head(root);
    }

    public static string Head(string root) => Run(root, "rev-parse", "HEAD");
}
