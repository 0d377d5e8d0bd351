namespace ChatReport.Bot.Teams;

/// <summary>
/// The app's icons, the Web Chat page's favicon drawn at Teams' sizes: a white speech bubble, on
/// the party red for the colour icon (192×192) and alone on transparency for the outline (32×32).
/// </summary>
public static class TeamsIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    private const uint Red = 0xB71C1CFF;
    private const uint White = 0xFFFFFFFF;

    public static byte[] Color() => Draw(ColorSize, Red);

    public static byte[] Outline() => Draw(OutlineSize, background: 0);

    // The bubble in the favicon's 16-unit grid: a box from (4,5) to (12,10) and a tail down to (4,12).
    private static bool InBubble(double x, double y) =>
        (x >= 4 && x < 12 && y >= 5 && y < 10) || (x >= 4 && y >= 10 && y < 12 && x < 7 - (1.5 * (y - 10)));

    private static byte[] Draw(int size, uint background)
    {
        var image = new PngImage(size, size);
        var unit = size / 16.0;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                image.Set(x, y, InBubble((x + 0.5) / unit, (y + 0.5) / unit) ? White : background);
            }
        }

        return image.Encode();
    }
}
