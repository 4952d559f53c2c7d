using System.Globalization;
using System.Text.Json.Nodes;
using Octokit;
using Octokit.Internal;

namespace ModelRegistry.GitHub.Api;

/// <summary>
/// Octokit with the rules every GitHub call of the registry follows: rate limits and 5xx retried with a bounded
/// backoff, creates read back before they are repeated, every other refusal turned into a coded error that names
/// the missing permission, and the token kept out of every message.
/// </summary>
public sealed class GitHubApi
{
    /// <summary>Octokit's own default for one request.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    private static readonly ProductHeaderValue Product = new("ModelRegistry.Build", typeof(GitHubApi).Assembly.GetName().Version?.ToString(3) ?? "0.1.0");

    private GitHubApi(GitHubSettings settings, RetryPolicy retry)
    {
        Settings = settings;
        Retry = retry;

        // Connection with a credential store keeps the base path as given; GitHubClient(header, uri) would rewrite a
        // non-github.com base to /api/v3/, which breaks a base that already ends in it and any loopback server.
        var connection = new Connection(Product, settings.ApiUrl, new InMemoryCredentialStore(new Credentials(settings.Token)));
        Client = new GitHubClient(connection);
    }

    public IGitHubClient Client { get; }

    public GitHubSettings Settings { get; }

    public GitHubRepository Repository => Settings.Repository;

    public RetryPolicy Retry { get; }

    public static GitHubApi Create(GitHubSettings settings, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new GitHubApi(settings, retry ?? RetryPolicy.Default);
    }

    /// <summary>Removes the token from a text that may have come from GitHub.</summary>
    public string Redact(string? text) => SecretRedactor.Redact(text, Settings.Token);

    public async Task SendAsync(GitHubOperation operation, Func<IGitHubClient, Task> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        await SendAsync<object>(operation, async client =>
        {
            await call(client);
            return operation;
        }, null, null, cancellationToken);
    }

    /// <summary>
    /// Sends one call. <paramref name="readBack"/> finds what a <see cref="OperationKind.Create"/> call made, if an
    /// earlier attempt made it despite failing; <paramref name="refine"/> turns a status the caller understands
    /// better (a 409 of a deployment) into its own error.
    /// </summary>
    public async Task<T> SendAsync<T>(GitHubOperation operation, Func<IGitHubClient, Task<T>> call, Func<Task<T?>>? readBack = null,
        Func<int, string, RegistryException?>? refine = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            GitHubFailure failure;
            try
            {
                return await call(Client);
            }
            catch (Exception e) when (IsCallFailure(e, cancellationToken))
            {
                failure = GitHubFailure.Classify(e, Retry.Time.GetUtcNow());
            }

            var detail = Redact(failure.Detail);
            switch (failure.Kind)
            {
                case FailureKind.RateLimited:
                    var wait = failure.RequestedWait ?? Retry.Backoff(attempt);
                    if (attempt >= Retry.MaxAttempts || wait > Retry.MaxDelay)
                    {
                        throw GitHubErrors.GitHubRateLimited(operation.Description, attempt, ResetText(failure.ResetAt ?? Retry.Time.GetUtcNow() + wait));
                    }

                    await Retry.Delay(wait, cancellationToken);
                    continue;

                case FailureKind.Transient:
                    var backoff = Min(failure.RequestedWait ?? Retry.Backoff(attempt), Retry.MaxDelay);
                    if (operation.Kind == OperationKind.Create)
                    {
                        // The write may have landed before the answer was lost: look for it before sending it again.
                        if (readBack is null)
                        {
                            throw GitHubErrors.GitHubOutcomeUnknown(operation.Description);
                        }

                        await Retry.Delay(backoff, cancellationToken);
                        if (await readBack() is { } made)
                        {
                            return made;
                        }
                    }

                    if (attempt >= Retry.MaxAttempts)
                    {
                        throw GitHubErrors.GitHubUnavailable(operation.Description, attempt, StatusText(failure.Status, detail));
                    }

                    if (operation.Kind != OperationKind.Create)
                    {
                        await Retry.Delay(backoff, cancellationToken);
                    }

                    continue;

                default:
                    throw refine?.Invoke(failure.Status, detail) ?? Map(operation, failure.Status, detail);
            }
        }
    }

    /// <summary>GET of an endpoint Octokit 14 has no method for; the body comes back as parsed JSON.</summary>
    public Task<JsonNode> GetJsonAsync(GitHubOperation operation, string path, IDictionary<string, string>? query = null, CancellationToken cancellationToken = default) =>
        SendAsync(operation, async client =>
        {
            var response = await client.Connection.Get<string>(new Uri(path, UriKind.Relative), query ?? new Dictionary<string, string>(), "application/vnd.github+json");
            return Parse(response.HttpResponse);
        }, null, null, cancellationToken);

    /// <summary>POST with a JSON body Octokit 14 cannot express; a 204 answers an empty object.</summary>
    public Task<JsonNode> PostJsonAsync(GitHubOperation operation, string path, JsonNode body, Func<Task<JsonNode?>>? readBack = null,
        Func<int, string, RegistryException?>? refine = null, CancellationToken cancellationToken = default) =>
        SendAsync(operation, async client =>
        {
            ArgumentNullException.ThrowIfNull(body);

            // A string body is sent as it is; Octokit would otherwise re-serialise it with its own naming rules.
            var json = body.ToJsonString();
            var response = await client.Connection.Post<string>(new Uri(path, UriKind.Relative), json, "application/vnd.github+json", "application/json", RequestTimeout, cancellationToken);
            return Parse(response.HttpResponse);
        }, readBack, refine, cancellationToken);

    internal string Path(string relative) => $"repos/{Uri.EscapeDataString(Repository.Owner)}/{Uri.EscapeDataString(Repository.Name)}/{relative}";

    private static JsonNode Parse(IResponse response)
    {
        var body = response.Body as string;
        return string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body) ?? new JsonObject();
    }

    private RegistryException Map(GitHubOperation operation, int status, string detail) => status switch
    {
        401 => GitHubErrors.GitHubUnauthorized(operation.Description, Settings.ApiUrl.ToString()),
        403 => GitHubErrors.GitHubForbidden(operation.Description, operation.Permission, detail),
        404 => GitHubErrors.GitHubNotFound(operation.Description, operation.Permission),
        422 => GitHubErrors.GitHubValidationFailed(operation.Description, detail),
        0 => GitHubErrors.GitHubUnavailable(operation.Description, 1, detail),
        _ => GitHubErrors.GitHubRefused(operation.Description, status, detail),
    };

    /// <summary>What GitHub or the network did to a call; a cancellation the caller asked for is not one of them,
    /// while a TaskCanceledException without it is HttpClient's timeout.</summary>
    private static bool IsCallFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is ApiException or HttpRequestException or TimeoutException
        || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static string StatusText(int status, string detail) => status == 0 ? detail : $"{status} {detail}";

    private static string ResetText(DateTimeOffset at) => "at " + at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
