using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ModelRegistry.Benchmarks;

/// <summary>The repository's pinned Azurite (npm ci), started on a free loopback port with a temporary data folder for
/// one benchmark run. On disk rather than in memory: large artifacts uploaded several times would exceed any sensible
/// in-memory limit.</summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo folder;

    private AzuriteProcess(Process process, DirectoryInfo folder, Uri blobEndpoint)
    {
        this.process = process;
        this.folder = folder;
        BlobEndpoint = blobEndpoint;
    }

    public Uri BlobEndpoint { get; }

    public static async Task<AzuriteProcess?> StartAsync()
    {
        var launcher = FindLauncher();
        if (launcher is null)
        {
            return null;
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var folder = Directory.CreateTempSubdirectory("azurite-bench-");
        var info = new ProcessStartInfo(launcher) { WorkingDirectory = folder.FullName, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture),
            "--location", folder.FullName, "--silent", "--disableTelemetry", "--skipApiVersionCheck"])
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, folder, new Uri($"http://127.0.0.1:{port}/devstoreaccount1"));
        using var http = new HttpClient();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline && !process.HasExited; await Task.Delay(100))
        {
            try
            {
                using var _ = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/devstoreaccount1?comp=list"));
                return azurite;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }

        await azurite.DisposeAsync();
        throw new InvalidOperationException("Azurite did not answer within 60 s.");
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string? FindLauncher()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var launcher = Path.Combine(dir.FullName, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
            if (File.Exists(launcher))
            {
                return launcher;
            }
        }

        return null;
    }
}
