using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Charts;

/// <summary>A chart as an inline image attachment (a data: URI, as the notice's files travel).</summary>
public static class ChartAttachment
{
    public static Attachment Png(byte[] png, string name)
    {
        ArgumentNullException.ThrowIfNull(png);
        return new Attachment { ContentType = ChartRenderer.ContentType, Name = name, ContentUrl = $"data:{ChartRenderer.ContentType};base64,{Convert.ToBase64String(png)}" };
    }
}
