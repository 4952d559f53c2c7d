using System.Text;

namespace ModelRegistry.Lineage.Data;

/// <summary>Orders strings by their UTF-8 bytes, as <c>LC_ALL=C sort</c> does, so the folder format is easy to
/// recompute with other tools. Ordinal UTF-16 order differs for characters above U+FFFF.</summary>
internal static class Utf8Order
{
    public static int Compare(string left, string right)
    {
        var leftBytes = Encoding.UTF8.GetBytes(left);
        var rightBytes = Encoding.UTF8.GetBytes(right);
        return leftBytes.AsSpan().SequenceCompareTo(rightBytes);
    }
}
