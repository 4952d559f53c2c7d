using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ModelRegistry.Storage.Azure;
using Xunit;

namespace ModelRegistry.Tests.Infrastructure;

/// <summary>
/// One Azurite blob service for every test of the <see cref="AzuriteTestGroup"/>: started from the repository's
/// pinned npm install (node_modules/.bin/azurite-blob, from package.json) on a free loopback port, in memory, in a
/// temporary folder, polled until it answers, and stopped with its folder removed at the end. Each test takes its own
/// container, so tests never see each other's objects.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder output = new();
    private Process? process;
    private string? dataFolder;
    private int containers;

    /// <summary>The development account's endpoint, for example http://127.0.0.1:41234/devstoreaccount1.</summary>
    public Uri BlobEndpoint { get; private set; } = null!;

    public string ConnectionString => AzuriteAccount.ConnectionString(BlobEndpoint);

    /// <summary>A fresh container name, unique within this Azurite run.</summary>
    public string NewContainerName(string purpose) =>
        $"{new string([.. purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40)])}-{Interlocked.Increment(ref containers)}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The path-style URL of a fresh container (not yet created: the first write creates it).</summary>
    public string NewLocation(string purpose, string? prefix = null) =>
        $"{BlobEndpoint}/{NewContainerName(purpose)}{(prefix is null ? "" : "/" + prefix)}";

    /// <summary>A backend on a fresh container of the development account.</summary>
    public AzureBlobStorage NewStorage(string purpose, AzureStorageOptions? options = null, string? prefix = null) =>
        AzureConnector.Open(NewLocation(purpose, prefix), connectionString: null, options);

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var launcher = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
        if (!File.Exists(launcher))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: {launcher} does not exist. Run 'npm ci' in {root} (package.json pins azurite 3.37.0; Node 20 or later is needed), then run the tests again.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            dataFolder = Directory.CreateTempSubdirectory("azurite-").FullName;
            BlobEndpoint = new Uri($"http://127.0.0.1:{port}/{AzuriteAccount.Name}");
            process = Start(launcher, port, dataFolder);
            if (await WaitUntilAnsweringAsync(port))
            {
                return;
            }

            // Another process may have taken the port between probing and binding: try a new one a few times.
            Stop();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"Azurite did not answer on 127.0.0.1 within {StartTimeout.TotalSeconds} s. Its output:\n{Output()}");
            }
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>Starts the emulator in memory (writes to its data folder made it several times slower: Put Blob ran at
    /// about 230 requests a second on disk against 850 to 1,300 in memory on a 2-core machine), with the temporary
    /// folder as its working directory, so that nothing it might write lands in the repository.</summary>
    private Process Start(string launcher, int port, string workingDirectory)
    {
        var info = new ProcessStartInfo(launcher)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--extentMemoryLimit", "1024", "--silent", "--disableTelemetry", "--skipApiVersionCheck"])
        {
            info.ArgumentList.Add(argument);
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {launcher}.");
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private async Task<bool> WaitUntilAnsweringAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                return false;
            }

            try
            {
                // Any HTTP answer (an unsigned request gets 403) means the blob service is up.
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/{AzuriteAccount.Name}?comp=list"));
                return true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private void Stop()
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited on its own in between.
            }

            process.Dispose();
            process = null;
        }

        if (dataFolder is not null && Directory.Exists(dataFolder))
        {
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process: the temp folder is cleaned by the system later.
            }

            dataFolder = null;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.Length == 0 ? "(nothing)" : output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding ModelRegistry.Build.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ModelRegistry.Build.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No ModelRegistry.Build.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
