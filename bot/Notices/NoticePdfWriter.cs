using System.Globalization;
using ChatReport.Bot.Storage.Domain;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace ChatReport.Bot.Notices;

/// <summary>
/// The notice as an A4 PDF to print and pin to the board: the branch, the quarter, one table row
/// per member (rank, name, base points, additions, deductions, quarter and year totals), the
/// objection period and how to object, the secretary's sign-off, and on every page a footer with
/// the page number. Written with PDFsharp, which embeds the subset of the Chinese font it uses
/// (about 40 KB), so the file prints the same everywhere.
/// </summary>
public sealed class NoticePdfWriter
{
    public const string ContentType = "application/pdf";

    private const string Family = "ChatReport CJK";
    private const double Margin = 42;
    private const double RowHeight = 19;
    private const double FooterHeight = 28;
    private static readonly Lock s_fontLock = new();
    private static NoticeFontResolver? s_resolver;

    // Rank, name, base, additions, deductions, quarter, year: shares of the table's width.
    private static readonly double[] s_columnShares = [0.09, 0.27, 0.12, 0.12, 0.12, 0.14, 0.14];

    private readonly Lazy<NoticeFont?> _font;
    private readonly int _objectionDays;

    public NoticePdfWriter(IOptions<NoticeOptions> options, IOptions<ObjectionOptions> objectionOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(objectionOptions);
        var fontPath = options.Value.FontPath;
        _objectionDays = objectionOptions.Value.ObjectionDays;
        _font = new Lazy<NoticeFont?>(() => NoticeFont.Find(fontPath));
    }

    /// <summary>False when the machine has no usable Chinese font (see <see cref="NoticeOptions.FontPath"/>).</summary>
    public bool IsAvailable => _font.Value is not null;

    /// <summary>The PDF of <paramref name="notice"/>; throws when <see cref="IsAvailable"/> is false.</summary>
    public byte[] Write(QuarterNotice notice, DateOnly? publicityEnds, string? locale)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var font = _font.Value ?? throw new InvalidOperationException("No Chinese TrueType font was found for the PDF; install fonts-wqy-microhei or set Notice:FontPath.");
        UseFont(font);
        var texts = NoticePdfTexts.ForLocale(locale);

        using var document = new PdfDocument();
        document.Info.Title = texts.Title(notice.UnitName, notice.Year, notice.Quarter);
        document.Info.Creator = "ChatReport";
        var title = new XFont(Family, 16, XFontStyleEx.Bold);
        var body = new XFont(Family, 10.5, XFontStyleEx.Regular);
        var small = new XFont(Family, 8.5, XFontStyleEx.Regular);

        var page = NewPage(document);
        var gfx = XGraphics.FromPdfPage(page);
        try
        {
            var width = page.Width.Point - (2 * Margin);
            var y = Margin;
            var heading = texts.Title(notice.UnitName, notice.Year, notice.Quarter) + (notice.SignOff is null ? texts.Draft : "");
            y = DrawWrapped(gfx, heading, title, Margin, y, width, XStringFormats.TopCenter) + 6;
            gfx.DrawString(texts.Period(notice.Days.First, notice.Days.Last), body, XBrushes.Black, new XRect(Margin, y, width, RowHeight), XStringFormats.TopCenter);
            y += RowHeight + 8;

            var columns = Columns(width);
            y = DrawHeader(gfx, texts, body, columns, y);
            if (notice.Rows.Count == 0)
            {
                gfx.DrawString(texts.NoMembers, body, XBrushes.Black, new XRect(Margin, y + 4, width, RowHeight), XStringFormats.TopLeft);
                y += RowHeight + 4;
            }

            foreach (var row in notice.Rows)
            {
                if (y + RowHeight > Bottom(page))
                {
                    gfx.Dispose();
                    page = NewPage(document);
                    gfx = XGraphics.FromPdfPage(page);
                    y = DrawHeader(gfx, texts, body, columns, Margin);
                }

                DrawRow(gfx, body, columns, y, Cells(row));
                y += RowHeight;
            }

            // The closing block stays together: the period, how to object and the signature.
            var closing = new List<string>
            {
                notice.SignedOn is { } signedOn && publicityEnds is { } ends ? texts.Publicity(signedOn.AddDays(1), ends) : texts.PublicityAfterSignOff(_objectionDays),
                texts.HowToObject,
            };
            var signature = notice.SignedOn is { } day ? texts.SignedOff(notice.SignedByName ?? "", day) : texts.NotSignedOff;
            var closingHeight = closing.Sum(text => Measure(gfx, text, body, width)) + (3 * RowHeight) + 20;
            if (y + closingHeight > Bottom(page))
            {
                gfx.Dispose();
                page = NewPage(document);
                gfx = XGraphics.FromPdfPage(page);
                y = Margin;
            }

            y += 14;
            foreach (var text in closing)
            {
                y = DrawWrapped(gfx, text, body, Margin, y, width, XStringFormats.TopLeft) + 4;
            }

            y += RowHeight;
            gfx.DrawString(signature, body, XBrushes.Black, new XRect(Margin, y, width, RowHeight), XStringFormats.TopRight);
        }
        finally
        {
            gfx.Dispose();
        }

        // The page count is known only now; every page gets the same footer with its number.
        for (var i = 0; i < document.PageCount; i++)
        {
            var footerPage = document.Pages[i];
            using var footer = XGraphics.FromPdfPage(footerPage, XGraphicsPdfPageOptions.Append);
            var top = footerPage.Height.Point - Margin - FooterHeight + 10;
            footer.DrawLine(XPens.Gray, Margin, top, footerPage.Width.Point - Margin, top);
            footer.DrawString(
                texts.Footer(notice.UnitName, notice.Year, notice.Quarter, i + 1, document.PageCount),
                small,
                XBrushes.DimGray,
                new XRect(Margin, top + 4, footerPage.Width.Point - (2 * Margin), FooterHeight - 10),
                XStringFormats.TopCenter);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string[] Cells(NoticeRow row) =>
    [
        Number(row.Rank), row.DisplayName, Number(row.BasePoints), Number(row.Additions), Number(row.Deductions), Number(row.QuarterTotal), Number(row.CycleTotal),
    ];

    private static PdfPage NewPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        return page;
    }

    private static double Bottom(PdfPage page) => page.Height.Point - Margin - FooterHeight;

    private static (double X, double Width)[] Columns(double width)
    {
        var columns = new (double, double)[s_columnShares.Length];
        var x = Margin;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = (x, width * s_columnShares[i]);
            x += width * s_columnShares[i];
        }

        return columns;
    }

    private static double DrawHeader(XGraphics gfx, NoticePdfTexts texts, XFont font, (double X, double Width)[] columns, double y)
    {
        var left = columns[0].X;
        var right = columns[^1].X + columns[^1].Width;
        gfx.DrawRectangle(XBrushes.Gainsboro, left, y, right - left, RowHeight);
        DrawRow(gfx, font, columns, y, [.. texts.Columns]);
        return y + RowHeight;
    }

    private static void DrawRow(XGraphics gfx, XFont font, (double X, double Width)[] columns, double y, string[] cells)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var (x, width) = columns[i];
            var cell = new XRect(x + 4, y, width - 8, RowHeight);
            var text = Fit(gfx, cells[i], font, cell.Width);
            gfx.DrawString(text, font, XBrushes.Black, cell, i == 1 ? XStringFormats.CenterLeft : XStringFormats.Center);
        }

        gfx.DrawLine(XPens.LightGray, columns[0].X, y + RowHeight, columns[^1].X + columns[^1].Width, y + RowHeight);
    }

    // A name longer than its cell is cut with an ellipsis rather than run into the next column.
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }

    private static double Measure(XGraphics gfx, string text, XFont font, double width) =>
        Lines(gfx, text, font, width).Count * font.GetHeight() * 1.3;

    private static double DrawWrapped(XGraphics gfx, string text, XFont font, double x, double y, double width, XStringFormat format)
    {
        var lineHeight = font.GetHeight() * 1.3;
        foreach (var line in Lines(gfx, text, font, width))
        {
            gfx.DrawString(line, font, XBrushes.Black, new XRect(x, y, width, lineHeight), format);
            y += lineHeight;
        }

        return y;
    }

    // Chinese has no spaces to break at: lines break at any character that would overflow.
    private static List<string> Lines(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var c in text)
        {
            if (line.Length > 0 && gfx.MeasureString(line + c, font).Width > width)
            {
                lines.Add(line);
                line = "";
            }

            line += c;
        }

        lines.Add(line);
        return lines;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // PDFsharp asks one process-wide resolver for fonts; every writer uses the same family name.
    private static void UseFont(NoticeFont font)
    {
        lock (s_fontLock)
        {
            if (s_resolver is null)
            {
                s_resolver = new NoticeFontResolver(font);
                GlobalFontSettings.FontResolver = s_resolver;
            }
        }
    }

    private sealed class NoticeFontResolver(NoticeFont font) : IFontResolver
    {
        // One face serves both styles; PDFsharp thickens the strokes for the bold heading.
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(Family, mustSimulateBold: bold, mustSimulateItalic: false);

        public byte[]? GetFont(string faceName) => font.Face;
    }
}
