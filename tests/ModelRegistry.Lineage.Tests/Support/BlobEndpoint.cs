using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ModelRegistry.Lineage.Tests.Support;

/// <summary>
/// A loopback HTTP endpoint that answers Get Blob Properties as Azure Blob Storage does (ETag, Content-MD5,
/// x-ms-version-id, x-ms-error-code on 404), so the real Azure SDK client is exercised end to end without a network.
/// It records each request's path, query and Authorization scheme for the assertions.
/// </summary>
public sealed class BlobEndpoint : IDisposable
{
    private readonly HttpListener listener;
    private readonly ConcurrentDictionary<string, (byte[] Content, string ETag, string? VersionId)> blobs = new(StringComparer.Ordinal);
    private readonly Task loop;

    public BlobEndpoint()
    {
        // A free port can be taken by another process between the probe and the start: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }

        loop = Task.Run(ServeAsync);
    }

    public int Port { get; private set; }

    /// <summary>The account endpoint, as an emulator spells it: http://127.0.0.1:port/devstoreaccount1.</summary>
    public Uri Account => new($"http://127.0.0.1:{Port}/devstoreaccount1");

    public ConcurrentQueue<(string Method, string Path, string Query, string? Authorization)> Requests { get; } = new();

    public void Put(string container, string name, byte[] content, string etag, string? versionId = null) =>
        blobs[$"/devstoreaccount1/{container}/{name}"] = (content, etag, versionId);

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var request = context.Request;
            var response = context.Response;
            Requests.Enqueue((request.HttpMethod, request.Url!.AbsolutePath, request.Url.Query, request.Headers["Authorization"]?.Split(' ')[0]));
            response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
            response.Headers["x-ms-version"] = request.Headers["x-ms-version"] ?? "2025-01-05";
            if (blobs.TryGetValue(request.Url.AbsolutePath, out var blob))
            {
                response.StatusCode = 200;
                response.Headers["ETag"] = blob.ETag;
                response.Headers["Last-Modified"] = "Wed, 25 Nov 2026 10:00:00 GMT";
#pragma warning disable CA5351 // Azure's Content-MD5 header is MD5 by definition.
                response.Headers["Content-MD5"] = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(blob.Content));
#pragma warning restore CA5351
                response.Headers["x-ms-blob-type"] = "BlockBlob";
                if (blob.VersionId is not null)
                {
                    response.Headers["x-ms-version-id"] = blob.VersionId;
                }

                response.ContentLength64 = blob.Content.Length;
                if (request.HttpMethod != "HEAD")
                {
                    await response.OutputStream.WriteAsync(blob.Content);
                }
            }
            else
            {
                response.StatusCode = 404;
                response.Headers["x-ms-error-code"] = "BlobNotFound";
            }

            response.Close();
        }
    }

    public void Dispose()
    {
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // On Linux the managed listener looks its port up again to remove its prefix; when another test process
            // has bound that port meanwhile, that look-up fails although this listener is already stopped.
        }

        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
