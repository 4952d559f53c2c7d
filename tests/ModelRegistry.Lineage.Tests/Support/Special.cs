using System.Diagnostics;
using System.Net.Sockets;

namespace ModelRegistry.Lineage.Tests.Support;

/// <summary>Special files as a data folder can really hold them: a named pipe (mkfifo) and a Unix socket.</summary>
public static class Special
{
    public static string Fifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    /// <summary>Binds a Unix domain socket at <paramref name="path"/>; the socket file stays while the returned socket lives.</summary>
    public static Socket UnixSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }
}
