namespace ModelRegistry.Tests.Infrastructure;

/// <summary>Damages stored files the way disks, people and half-finished copies do.</summary>
public static class StoredObjects
{
    public static void FlipByte(string path, int? index = null)
    {
        var bytes = File.ReadAllBytes(path);
        var at = index ?? bytes.Length / 2;
        bytes[at] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    public static void Truncate(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length / 2);
    }

    public static void Age(string path, TimeSpan by) => File.SetLastWriteTimeUtc(path, DateTime.UtcNow - by);
}
