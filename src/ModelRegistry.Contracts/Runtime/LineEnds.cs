namespace ModelRegistry.Runtime;

/// <summary>Text files that name what a build checked (a trust policy, a schema pin) are fingerprinted with CRLF read as
/// LF, so a checkout on Windows does not make them other files.</summary>
internal static class LineEnds
{
    public static byte[] Lf(byte[] bytes) =>
        Array.IndexOf(bytes, (byte)'\r') < 0 ? bytes : [.. bytes.Where((b, i) => b != '\r' || i + 1 >= bytes.Length || bytes[i + 1] != '\n')];
}
