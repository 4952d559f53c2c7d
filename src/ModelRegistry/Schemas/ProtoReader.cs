using System.Text;
using Google.Protobuf;

namespace ModelRegistry.Schemas;

/// <summary>
/// The protobuf primitives the ONNX reader needs, over a seekable file. A skipped field is passed by moving the file
/// position, so a model's weights are neither held in memory nor read: CodedInputStream reads through what it skips
/// (about 2 ms a MiB here), which made reading the schema cost a third of registering a 100 MiB model.
/// </summary>
internal sealed class ProtoReader(Stream stream)
{
    private readonly long length = stream.Length;
    private uint lastTag;

    public long Position => stream.Position;

    /// <summary>The next field's tag, or 0 at the end of the file.</summary>
    public uint ReadTag()
    {
        if (stream.Position >= length)
        {
            return lastTag = 0;
        }

        var tag = ReadVarint();
        return tag > uint.MaxValue || WireFormat.GetTagFieldNumber((uint)tag) == 0
            ? throw new InvalidDataException($"a field has the invalid tag {tag}")
            : lastTag = (uint)tag;
    }

    public long ReadInt64() => (long)ReadVarint();

    public int ReadInt32() => (int)ReadVarint();

    public int ReadLength()
    {
        var value = ReadVarint();
        return value > int.MaxValue ? throw new InvalidDataException($"a field has the impossible length {value}") : (int)value;
    }

    public string ReadString()
    {
        var bytes = new byte[ReadLength()];
        EnsureAvailable(bytes.Length);
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Passes the field whose tag was read last.</summary>
    public void SkipLastField()
    {
        switch (WireFormat.GetTagWireType(lastTag))
        {
            case WireFormat.WireType.Varint:
                ReadVarint();
                break;
            case WireFormat.WireType.Fixed64:
                Skip(8);
                break;
            case WireFormat.WireType.Fixed32:
                Skip(4);
                break;
            case WireFormat.WireType.LengthDelimited:
                Skip(ReadLength());
                break;
            case WireFormat.WireType.StartGroup:
                SkipGroup(WireFormat.GetTagFieldNumber(lastTag));
                break;
            default:
                throw new InvalidDataException($"field {WireFormat.GetTagFieldNumber(lastTag)} has an invalid wire type");
        }
    }

    // Groups are deprecated and unused by ONNX, but are valid protobuf: passed field by field up to their end tag.
    private void SkipGroup(int field)
    {
        while (true)
        {
            var tag = ReadTag();
            if (tag == 0)
            {
                throw Truncated();
            }

            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.EndGroup)
            {
                if (WireFormat.GetTagFieldNumber(tag) != field)
                {
                    throw new InvalidDataException($"group {field} ends with the end of group {WireFormat.GetTagFieldNumber(tag)}");
                }

                return;
            }

            SkipLastField();
        }
    }

    private void Skip(long count)
    {
        EnsureAvailable(count);
        stream.Position += count;
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = stream.ReadByte();
            if (next < 0)
            {
                throw Truncated();
            }

            value |= (ulong)(next & 0x7f) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a number is longer than ten bytes");
    }

    private void EnsureAvailable(long count)
    {
        if (count > length - stream.Position)
        {
            throw Truncated();
        }
    }

    private static InvalidDataException Truncated() => new("the file ends inside a field: it is truncated");
}
