using System.Net;
using System.Net.Sockets;
using System.Text;
using ModelRegistry.Storage.Azure;

namespace ModelRegistry.Tests.Azure;

/// <summary>An endpoint (a proxy, a broken gateway) that answers with an error whose XML body does not parse.</summary>
public sealed class AzureGarbledAnswerTests
{
    [Fact]
    public async Task An_error_answer_whose_XML_does_not_parse_is_a_coded_storage_error_without_the_signature()
    {
        // arrange: every request gets a 403 whose body is not well-formed XML (an unescaped ampersand)
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var server = AnswerGarbledAsync(listener, stop.Token);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var location = $"http://127.0.0.1:{port}/devstoreaccount1/models?sv=2020-02-10&sig=SECRETSIGNATURE";

        // act
        var error = await Assert.ThrowsAsync<RegistryException>(async () => await (await Registry.OpenAsync(AzureConnector.Open(location, connectionString: null))).ListModelsAsync());
        await stop.CancelAsync();
        listener.Stop();
        await server;

        // assert
        Assert.Equal("MRB1106", error.Code);
        Assert.DoesNotContain("SECRETSIGNATURE", error.Message, StringComparison.Ordinal);
    }

    private static async Task AnswerGarbledAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationFailure</Code><Message>Tom & Jerry</Message></Error>");
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nx-ms-error-code: AuthorizationFailure\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(cancellationToken);
                var stream = client.GetStream();
                var request = new byte[8192];
                var read = 0;
                while (!Encoding.ASCII.GetString(request, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal) && read < request.Length)
                {
                    var n = await stream.ReadAsync(request.AsMemory(read), cancellationToken);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                await stream.WriteAsync(head, cancellationToken);
                await stream.WriteAsync(body, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // The test is over.
        }
    }
}
