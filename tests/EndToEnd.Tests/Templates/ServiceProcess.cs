using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EndToEnd.Tests.Infrastructure;
using Xunit.Sdk;

namespace EndToEnd.Tests.Templates;

/// <summary>
/// A service made from modelregistry-service, running as a real process on 127.0.0.1 for the length of a test,
/// and stopped (with its children) when the test ends.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();
    private readonly HttpClient http;

    private ServiceProcess(Process process, int port)
    {
        this.process = process;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Everything the service wrote so far, both streams.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>A port nobody listens on right now, for the service to take.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static ServiceProcess Start(string assembly, int port, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.Environment.Clear();
        foreach (var (name, value) in TestEnvironment.Create(environment))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(process, port);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Asks GET /model until the service answers with <paramref name="version"/>, or fails after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForVersionAsync(int version, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new XunitException($"The service exited with code {process.ExitCode}.\n{Log}");
            }

            try
            {
                var model = await http.GetFromJsonAsync<JsonElement>("model");
                last = model.GetProperty("version").GetInt32();
                if (last == version)
                {
                    return version;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new XunitException($"The service did not serve version {version} within {timeout} (last answer: {last?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).\n{Log}");
    }

    /// <summary>POST /score with one transaction; returns the answer document.</summary>
    public async Task<JsonElement> ScoreAsync(object transaction)
    {
        using var response = await http.PostAsJsonAsync("score", transaction);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
