using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChatReport.Bot.Teams;

/// <summary>
/// An RGBA picture written as PNG. The icons are two flat shapes; a graphics library with native
/// code for every platform would be more to ship than this encoder.
/// </summary>
public sealed class PngImage
{
    private static readonly uint[] CrcTable = BuildCrcTable();
    private readonly byte[] _pixels;

    public PngImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _pixels = new byte[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    public void Set(int x, int y, uint rgba) =>
        BinaryPrimitives.WriteUInt32BigEndian(_pixels.AsSpan(((y * Width) + x) * 4, 4), rgba);

    public byte[] Encode()
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bits per channel
        header[9] = 6; // RGBA
        WriteChunk(png, "IHDR", header);

        using var image = new MemoryStream();
        using (var zlib = new ZLibStream(image, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < Height; y++)
            {
                zlib.WriteByte(0); // no filter
                zlib.Write(_pixels, y * Width * 4, Width * 4);
            }
        }

        WriteChunk(png, "IDAT", image.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        stream.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typeBytes, data));
        stream.Write(number);
    }

    private static uint Crc(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
