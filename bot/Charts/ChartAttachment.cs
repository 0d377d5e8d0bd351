using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Charts;

/// <summary>A chart as an inline image attachment (a data: URI, as the notice's files travel).</summary>
public static class ChartAttachment
{
    public static Attachment Png(byte[] png, string name)
    {
        ArgumentNullException.ThrowIfNull(png);
        return Png($"data:{ChartRenderer.ContentType};base64,{Convert.ToBase64String(png)}", name);
    }

    /// <summary>An attachment for a PNG already written as its data: URI (a chart drawn before).</summary>
    public static Attachment Png(string dataUrl, string name) =>
        new() { ContentType = ChartRenderer.ContentType, Name = name, ContentUrl = dataUrl };
}
