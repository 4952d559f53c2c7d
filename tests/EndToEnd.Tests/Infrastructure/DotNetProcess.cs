using System.Diagnostics;
using System.Text;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the real <c>dotnet</c> CLI as a child process, with a scrubbed environment, node reuse off and a timeout.
/// Build-like verbs get <c>-nr:false</c> so no MSBuild node outlives the command with a stale task assembly.
/// </summary>
public sealed class DotNetProcess(IReadOnlyDictionary<string, string?>? environment = null)
{
    private static readonly HashSet<string> MSBuildVerbs =
        new(["build", "publish", "pack", "clean", "restore", "msbuild", "test"], StringComparer.Ordinal);

    /// <summary>How long one command may run before it is killed and the test fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Variables set for every command this instance runs, on top of the scrubbed environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; } = environment ?? new Dictionary<string, string?>();

    public Task<DotNetResult> BuildAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, ["build", .. arguments]);

    public Task<DotNetResult> PublishAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, ["publish", .. arguments]);

    public Task<DotNetResult> CleanAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, ["clean", .. arguments]);

    /// <summary>Runs <c>dotnet &lt;arguments&gt;</c> in <paramref name="workingDirectory"/>.</summary>
    public async Task<DotNetResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?>? extraEnvironment = null,
        CancellationToken cancellationToken = default)
    {
        var allArguments = arguments.ToList();
        if (allArguments.Count > 0 && MSBuildVerbs.Contains(allArguments[0]))
        {
            // Node reuse off, and the plain console logger so the transcript is the same on a terminal and in CI.
            allArguments.InsertRange(1, ["-nr:false", "-tl:off"]);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in allArguments)
        {
            start.ArgumentList.Add(argument);
        }

        var merged = new Dictionary<string, string?>(Environment, StringComparer.Ordinal);
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string?>())
        {
            merged[name] = value;
        }

        start.Environment.Clear();
        foreach (var (name, value) in TestEnvironment.Create(merged))
        {
            start.Environment[name] = value;
        }

        var commandLine = "dotnet " + string.Join(' ', allArguments.Select(Quote));
        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"'{commandLine}' did not finish within {Timeout}.\n{stdout}\n{stderr}");
        }

        // The parameterless wait drains the asynchronous readers, so no output line is lost.
        process.WaitForExit();
        return new DotNetResult(commandLine, process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(char.IsWhiteSpace) ? argument : $"\"{argument}\"";
}
