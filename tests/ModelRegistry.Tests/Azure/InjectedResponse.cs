using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace ModelRegistry.Tests.Azure;

/// <summary>A service answer made up by <see cref="FaultInjectionPolicy"/>: a status, a storage error body and
/// nothing else.</summary>
internal sealed class InjectedResponse : Response
{
    private readonly Dictionary<string, string> headers;

    public InjectedResponse(int status, string reason, string clientRequestId)
    {
        Status = status;
        ReasonPhrase = reason;
        ClientRequestId = clientRequestId;
        var code = status == 503 ? "ServerBusy" : "OperationTimedOut";
        ContentStream = new MemoryStream(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{reason}</Message></Error>"));
        headers = new(StringComparer.OrdinalIgnoreCase) { ["x-ms-error-code"] = code, ["Content-Type"] = "application/xml" };
    }

    public override int Status { get; }

    /// <summary>The pipeline marks real answers as errors right after the transport; a made-up one must say so itself,
    /// or the retry policy and the client take it for a success.</summary>
    public override bool IsError => true;

    public override string ReasonPhrase { get; }

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; }

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => headers.ContainsKey(name);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => headers.TryGetValue(name, out value);

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = headers.TryGetValue(name, out var value) ? [value] : null;
        return values is not null;
    }
}
