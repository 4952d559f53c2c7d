using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ModelRegistry.GitHub.Tests.Fake;

/// <summary>
/// A stateful GitHub on 127.0.0.1 for one repository: workflow runs and their environment approvals, deployments,
/// commit statuses, pull requests, reviews and comments, all with ids from one counter so they stay consistent.
/// Routes, statuses and payload shapes come from the fixture files; failures are injected per operation.
/// </summary>
public sealed partial class FakeGitHubServer : IDisposable
{
    public const string Owner = "octo-org";

    public const string Repo = "models";

    private readonly HttpListener listener;
    private readonly Task loop;
    private readonly object gate = new();
    private readonly Dictionary<string, FakeToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<FakeFailure>> failures = new(StringComparer.Ordinal);
    private readonly List<FakeRequest> requests = [];
    private long nextId = 1000;

    public FakeGitHubServer()
    {
        (listener, Port) = Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The API root, under /api/v3/ as on GitHub Enterprise, so the client's base-path handling is tested too.</summary>
    public Uri ApiUrl => new($"http://127.0.0.1:{Port}/api/v3/");

    public Uri ServerUrl => new($"http://127.0.0.1:{Port}/");

    public static string Repository => $"{Owner}/{Repo}";

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public void AddToken(string token, FakeToken who)
    {
        lock (gate)
        {
            tokens[token] = who;
        }
    }

    /// <summary>The next <paramref name="times"/> calls of an operation fail this way.</summary>
    public void Fail(string operationId, FakeFailure failure, int times = 1)
    {
        _ = FixtureCatalog.Get(operationId);
        var queue = failures.GetOrAdd(operationId, _ => new Queue<FakeFailure>());
        lock (queue)
        {
            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(failure);
            }
        }
    }

    public int Count(string operationId) => Requests.Count(r => r.Operation == operationId);

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

        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's disposal exception; nothing is left to clean up.
        }
    }

    private long NextId() => Interlocked.Increment(ref nextId);

    /// <summary>Binds a free port: the port 0 trick gives a free number; another process may take it in between,
    /// so a few attempts.</summary>
    private static (HttpListener, int) Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var candidate = new HttpListener();
            candidate.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                candidate.Start();
                return (candidate, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                candidate.Close();
            }
        }
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

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var path = request.Url!.AbsolutePath;
        if (path.StartsWith("/api/v3/", StringComparison.Ordinal))
        {
            path = path["/api/v3".Length..];
        }

        string operation;
        FakeResponse response;
        try
        {
            (operation, response) = Route(request.HttpMethod, path, request.Headers["Authorization"], request.QueryString, body);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or NullReferenceException)
        {
            // A bug in the fake answers 599 at once, which no client retries, instead of leaving the request hanging.
            (operation, response) = ("(fake fault)", new FakeResponse(599, null, null, "fake GitHub fault: " + e.Message, "text/plain"));
        }

        lock (gate)
        {
            requests.Add(new FakeRequest(request.HttpMethod, path + request.Url.Query, operation, response.Status, body));
        }

        await WriteAsync(context.Response, response);
    }

    private (string Operation, FakeResponse Response) Route(string method, string path, string? authorization, System.Collections.Specialized.NameValueCollection query, string body)
    {
        var match = FixtureCatalog.All.Values
            .Where(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
            .Select(o => (o, m: o.Pattern.Match(path)))
            .FirstOrDefault(x => x.m.Success);
        if (match.o is null)
        {
            return ("(none)", FakeResponse.Error(404, "Not Found"));
        }

        var operation = match.o;
        if (Who(authorization) is not { } token)
        {
            return (operation.Id, FakeResponse.Error(401, "Bad credentials", "https://docs.github.com/rest"));
        }

        if (match.m.Groups["owner"].Value != Owner || match.m.Groups["repo"].Value != Repo)
        {
            return (operation.Id, FakeResponse.Error(404, "Not Found", operation.DocsUrl));
        }

        if (!Permitted(operation.Id, token))
        {
            return (operation.Id, FakeResponse.Error(403, token.Installation ? "Resource not accessible by integration" : "Resource not accessible by personal access token", operation.DocsUrl));
        }

        var failure = NextFailure(operation.Id);
        if (failure is { AfterApplying: false })
        {
            return (operation.Id, failure.Respond());
        }

        JsonObject? json;
        try
        {
            json = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return (operation.Id, FakeResponse.Error(400, "Problems parsing JSON", operation.DocsUrl));
        }

        FakeResponse response;
        lock (gate)
        {
            response = Handle(operation, match.m.Groups, token, query, json ?? []);
        }

        if (failure is not null)
        {
            return (operation.Id, failure.Respond());
        }

        CheckDeclared(operation, response.Status);
        return (operation.Id, response);
    }

    private FakeToken? Who(string? authorization)
    {
        if (authorization is null)
        {
            return null;
        }

        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? "" : authorization[..space];
        if (!scheme.Equals("token", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        lock (gate)
        {
            return tokens.TryGetValue(authorization[(space + 1)..], out var token) ? token : null;
        }
    }

    private FakeFailure? NextFailure(string operationId)
    {
        if (!failures.TryGetValue(operationId, out var queue))
        {
            return null;
        }

        lock (queue)
        {
            return queue.Count > 0 ? queue.Dequeue() : null;
        }
    }

    /// <summary>A handler that answers a status its fixture does not declare is a bug in the fake, not in the client.</summary>
    private static void CheckDeclared(FixtureOperation operation, int status)
    {
        var generic = status is 400 or 401 or 403 or 404 or 409 or 422 or 429 || status >= 500;
        if (!generic && !operation.Examples.ContainsKey(status))
        {
            throw new InvalidOperationException($"The fake answered {status} to {operation.Id}, which its fixture does not declare.");
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, FakeResponse answer)
    {
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }

        var text = answer.RawBody ?? answer.Body?.ToJsonString();
        if (text is not null)
        {
            response.ContentType = answer.ContentType;
            var bytes = Encoding.UTF8.GetBytes(text);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }
}
