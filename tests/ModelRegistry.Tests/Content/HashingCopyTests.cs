using System.IO.Compression;
using System.Security.Cryptography;
using ModelRegistry.Content;

namespace ModelRegistry.Tests.Content;

public class HashingCopyTests
{
    private const int Block = 4 << 20;

    [Fact]
    public async Task Content_smaller_than_a_block_is_copied_whole_through_a_block_of_its_size()
    {
        var content = Bytes(4181);
        using var source = new MemoryStream(content);
        using var destination = new MemoryStream();

        Assert.Equal(4182, HashingCopy.BlockSizeFor(source, long.MaxValue));
        var (digest, size) = await HashingCopy.CopyAsync(source, destination);

        Assert.Equal((Sha256Digest.Of(content), 4181L), (digest, size));
        Assert.Equal(content, destination.ToArray());
    }

    [Fact]
    public async Task Only_what_is_left_of_a_positioned_source_is_copied()
    {
        var content = Bytes(10_000);
        using var source = new MemoryStream(content) { Position = 6_000 };
        using var destination = new MemoryStream();

        Assert.Equal(4_001, HashingCopy.BlockSizeFor(source, long.MaxValue));
        var (digest, size) = await HashingCopy.CopyAsync(source, destination);

        Assert.Equal((Sha256Digest.Of(content.AsSpan(6_000)), 4_000L), (digest, size));
    }

    [Fact]
    public async Task A_source_longer_than_the_limit_is_read_one_byte_past_it_and_no_further()
    {
        using var source = new MemoryStream(Bytes(50_000));
        using var destination = new MemoryStream();

        Assert.Equal(1_001, HashingCopy.BlockSizeFor(source, maxBytes: 1_000));
        var (_, size) = await HashingCopy.CopyAsync(source, destination, maxBytes: 1_000);

        Assert.Equal(1_001, size);
        Assert.Equal(1_001, source.Position);
    }

    [Fact]
    public async Task An_empty_source_hashes_to_the_digest_of_nothing()
    {
        using var source = new MemoryStream();
        using var destination = new MemoryStream();

        Assert.Equal(1, HashingCopy.BlockSizeFor(source, long.MaxValue));
        Assert.Equal((Sha256Digest.Of([]), 0L), await HashingCopy.CopyAsync(source, destination));
    }

    [Fact]
    public async Task A_stream_of_unknown_length_goes_through_whole_blocks_in_order()
    {
        // A decompressing stream cannot tell its length: the copy reads it in full blocks, here two and a part.
        var content = Bytes((2 * Block) + 12_345);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(content);
        }

        compressed.Position = 0;
        await using var source = new GZipStream(compressed, CompressionMode.Decompress);
        using var destination = new MemoryStream();

        Assert.Equal(Block, HashingCopy.BlockSizeFor(source, long.MaxValue));
        Assert.Equal(5_001, HashingCopy.BlockSizeFor(source, maxBytes: 5_000));
        var (digest, size) = await HashingCopy.CopyAsync(source, destination);

        Assert.Equal((Sha256Digest.Of(content), (long)content.Length), (digest, size));
        Assert.True(SHA256.HashData(destination.ToArray()).AsSpan().SequenceEqual(SHA256.HashData(content)));
    }

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
