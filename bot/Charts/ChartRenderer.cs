using System.Globalization;
using ChatReport.Bot.Notices;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ChatReport.Bot.Charts;

/// <summary>
/// Draws charts as PNG on the server with SkiaSharp, sized for a phone: 720×440 pixels, which a
/// chat shows about 360 points wide at twice the density. SkiaSharp rather than ScottPlot: the
/// charts are one bar series and one line, and drawing them directly keeps the labels in the
/// notice's Chinese font and the image small (typically 10–20 KB). The numbers are always in the
/// message text as well, so nothing depends on the picture.
/// </summary>
public sealed class ChartRenderer : IDisposable
{
    public const int Width = 720;
    public const int Height = 440;
    public const string ContentType = "image/png";

    private static readonly SKColor s_bar = new(0xB7, 0x1C, 0x1C);
    private static readonly SKColor s_comparison = new(0x42, 0x42, 0x42);
    private static readonly SKColor s_grid = new(0xE0, 0xE0, 0xE0);
    private static readonly SKColor s_text = new(0x21, 0x21, 0x21);

    private readonly Lazy<SKTypeface> _typeface;

    public ChartRenderer(IOptions<NoticeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Without a Chinese font the labels would be boxes; the default face still draws the digits.
        _typeface = new Lazy<SKTypeface>(() => NoticeFont.Find(options.Value.FontPath) is { } font
            ? SKTypeface.FromData(SKData.CreateCopy(font.Face)) ?? SKTypeface.Default
            : SKTypeface.Default);
    }

    public byte[] Render(BarChart chart) => Render(chart, 1);

    /// <summary>
    /// The chart drawn at <paramref name="scale"/> times <see cref="Width"/>×<see cref="Height"/>:
    /// the same picture in fewer pixels, for a channel that limits a message's size.
    /// </summary>
    public byte[] Render(BarChart chart, float scale)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        if (chart.Categories.Count != chart.Values.Count || (chart.Comparison is { } c && c.Count != chart.Values.Count))
        {
            throw new ArgumentException("Every category needs one value (and one comparison value).", nameof(chart));
        }

        var info = new SKImageInfo((int)Math.Round(Width * scale), (int)Math.Round(Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        using var titleFont = new SKFont(_typeface.Value, 30);
        using var labelFont = new SKFont(_typeface.Value, 20);
        using var textPaint = new SKPaint { Color = s_text, IsAntialias = true };
        canvas.DrawText(chart.Title, 24, 44, SKTextAlign.Left, titleFont, textPaint);

        var plot = new SKRect(64, 110, Width - 24, Height - 56);
        var legendY = 82f;
        DrawLegend(canvas, chart, labelFont, textPaint, legendY);
        if (chart.Values.Count == 0 || (chart.Values.All(v => v == 0) && (chart.Comparison?.All(v => v == 0) ?? true) && chart.EmptyText is not null))
        {
            using var subtle = new SKPaint { Color = SKColors.Gray, IsAntialias = true };
            canvas.DrawText(chart.EmptyText ?? "", plot.MidX, plot.MidY, SKTextAlign.Center, titleFont, subtle);
            return Encode(surface);
        }

        var values = chart.Values.Select(v => (double)v).Concat(chart.Comparison ?? []).ToList();
        var (low, high) = Scale(values.Min(), values.Max());
        float Y(double value) => (float)(plot.Bottom - ((value - low) / (high - low) * plot.Height));

        using var gridPaint = new SKPaint { Color = s_grid, StrokeWidth = 2, IsAntialias = true };
        var step = NiceStep(high - low);
        for (var tick = low; tick <= high + (step / 2); tick += step)
        {
            canvas.DrawLine(plot.Left, Y(tick), plot.Right, Y(tick), gridPaint);
            canvas.DrawText(Number(tick), plot.Left - 8, Y(tick) + 7, SKTextAlign.Right, labelFont, textPaint);
        }

        var slot = plot.Width / chart.Values.Count;
        var barWidth = Math.Max(2f, slot * 0.6f);
        using var barPaint = new SKPaint { Color = s_bar, IsAntialias = true };
        var labelEvery = Math.Max(1, (int)Math.Ceiling(chart.Values.Count / 12.0));
        for (var i = 0; i < chart.Values.Count; i++)
        {
            var centre = plot.Left + (slot * (i + 0.5f));
            var top = Y(chart.Values[i]);
            var zero = Y(0);
            canvas.DrawRect(new SKRect(centre - (barWidth / 2), Math.Min(top, zero), centre + (barWidth / 2), Math.Max(top, zero)), barPaint);
            if (chart.Values.Count <= 16 && chart.Values[i] != 0)
            {
                canvas.DrawText(Number(chart.Values[i]), centre, Math.Min(top, zero) - 6, SKTextAlign.Center, labelFont, textPaint);
            }

            if (i % labelEvery == 0)
            {
                canvas.DrawText(chart.Categories[i], centre, plot.Bottom + 28, SKTextAlign.Center, labelFont, textPaint);
            }
        }

        if (chart.Comparison is { Count: > 0 } comparison)
        {
            using var line = new SKPaint { Color = s_comparison, StrokeWidth = 4, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var dot = new SKPaint { Color = s_comparison, IsAntialias = true };
            using var path = new SKPath();
            for (var i = 0; i < comparison.Count; i++)
            {
                var point = new SKPoint(plot.Left + (slot * (i + 0.5f)), Y(comparison[i]));
                if (i == 0)
                {
                    path.MoveTo(point);
                }
                else
                {
                    path.LineTo(point);
                }

                canvas.DrawCircle(point, 6, dot);
            }

            canvas.DrawPath(path, line);
        }

        return Encode(surface);
    }

    public void Dispose()
    {
        if (_typeface.IsValueCreated && _typeface.Value != SKTypeface.Default)
        {
            _typeface.Value.Dispose();
        }
    }

    private static void DrawLegend(SKCanvas canvas, BarChart chart, SKFont font, SKPaint text, float y)
    {
        using var bar = new SKPaint { Color = s_bar, IsAntialias = true };
        canvas.DrawRect(new SKRect(24, y - 16, 44, y + 2), bar);
        canvas.DrawText(chart.ValuesLabel, 52, y, SKTextAlign.Left, font, text);
        if (chart.ComparisonLabel is { } label)
        {
            var x = 72 + font.MeasureText(chart.ValuesLabel);
            using var line = new SKPaint { Color = s_comparison, StrokeWidth = 4, IsAntialias = true };
            canvas.DrawLine(x, y - 7, x + 28, y - 7, line);
            canvas.DrawText(label, x + 36, y, SKTextAlign.Left, font, text);
        }
    }

    // Whole-number axis from 0 (or below, for deductions) to a little above the largest value.
    private static (double Low, double High) Scale(double min, double max)
    {
        var low = Math.Min(0, Math.Floor(min));
        var high = Math.Max(Math.Max(1, max), low + 1);
        var step = NiceStep(high - low);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step);
    }

    private static double NiceStep(double range)
    {
        var rough = Math.Max(1, range / 4);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var normalized = rough / magnitude;
        return (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static byte[] Encode(SKSurface surface)
    {
        // The strongest zlib level and every row filter: a few milliseconds more for a smaller
        // picture, which matters to channels that cap a message's size (Teams, about 28 KB).
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG.");
        return data.ToArray();
    }
}
