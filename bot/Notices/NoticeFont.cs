using System.Buffers.Binary;

namespace ChatReport.Bot.Notices;

/// <summary>
/// The Chinese font the printable notice embeds and the charts draw with. PDFsharp embeds (and
/// subsets) fonts with TrueType outlines only, so the CFF-based Noto CJK fonts do not qualify;
/// WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, 5 MB, Apache 2.0 / GPL with the font
/// exception) does, and a printed notice needs about 40 KB of it.
/// </summary>
public sealed record NoticeFont(string Path, byte[] Face)
{
    /// <summary>Where Debian, Ubuntu and Windows keep suitable fonts, in order of preference.</summary>
    public static IReadOnlyList<string> KnownPaths { get; } =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
        @"C:\Windows\Fonts\msyh.ttc",
    ];

    /// <summary>The configured font, else the first known one on this machine; null when there is none.</summary>
    public static NoticeFont? Find(string? configuredPath)
    {
        var path = string.IsNullOrWhiteSpace(configuredPath) ? KnownPaths.FirstOrDefault(File.Exists) : configuredPath;
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var face = FirstFace(File.ReadAllBytes(path));
        return face is null ? null : new NoticeFont(path, face);
    }

    /// <summary>
    /// A TrueType collection (.ttc) as its first font alone, which is what PDFsharp reads; a plain
    /// .ttf as it is; null for anything else (CFF outlines, a damaged file).
    /// </summary>
    public static byte[]? FirstFace(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < 12)
        {
            return null;
        }

        var tag = BinaryPrimitives.ReadUInt32BigEndian(file);
        if (tag == 0x00010000 || tag == 0x74727565)
        {
            return file;
        }

        if (tag != 0x74746366)
        {
            // 'OTTO' (CFF outlines) and everything else.
            return null;
        }

        try
        {
            // The collection header names each font's table directory; the tables' offsets there
            // count from the start of the collection, so they are rewritten for the lone font.
            var start = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12)));
            if (BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(start)) != 0x00010000)
            {
                return null;
            }

            var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(start + 4));
            var headerLength = 12 + (16 * tables);
            var size = headerLength;
            for (var i = 0; i < tables; i++)
            {
                size = checked(size + Padded(Length(file, start, i)));
            }

            var face = new byte[size];
            file.AsSpan(start, headerLength).CopyTo(face);
            var at = headerLength;
            for (var i = 0; i < tables; i++)
            {
                var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(start + 12 + (16 * i) + 8)));
                var length = Length(file, start, i);
                file.AsSpan(offset, length).CopyTo(face.AsSpan(at));
                BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(12 + (16 * i) + 8), (uint)at);
                at += Padded(length);
            }

            return face;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    private static int Length(byte[] file, int start, int table) =>
        checked((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(start + 12 + (16 * table) + 12)));

    private static int Padded(int length) => (length + 3) & ~3;
}
