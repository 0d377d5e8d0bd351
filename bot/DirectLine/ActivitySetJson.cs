using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// Writes ActivitySet frames (<c>{"activities":[…],"watermark":"N"}</c>) from stored JSON without
/// re-serializing it. conversationUpdate never reaches clients; typing only when live.
/// </summary>
public static class ActivitySetJson
{
    /// <summary>How many activities one GET or one frame carries; clients page with the watermark.</summary>
    public const int PageSize = 100;

    /// <summary>The frame for <paramref name="rows"/>; the watermark moves past filtered rows too.</summary>
    public static string Write(IReadOnlyList<StoredActivity> rows, long watermark, bool includeTyping, out long newWatermark, out int count)
    {
        ArgumentNullException.ThrowIfNull(rows);
        newWatermark = rows.Count > 0 ? rows[^1].Sequence : watermark;
        count = 0;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var row in rows)
            {
                if (IsDelivered(row.Type, includeTyping))
                {
                    writer.WriteRawValue(row.ActivityJson, skipInputValidation: true);
                    count++;
                }
            }

            writer.WriteEndArray();
            writer.WriteString("watermark", newWatermark.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool IsDelivered(string type, bool includeTyping) =>
        !string.Equals(type, ActivityTypes.ConversationUpdate, StringComparison.Ordinal)
        && (includeTyping || !string.Equals(type, ActivityTypes.Typing, StringComparison.Ordinal));
}
