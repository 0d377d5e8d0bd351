using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// How this channel reads and writes Bot Framework JSON: camelCase, case-insensitive on input,
/// nulls omitted, and instants in UTC written with an explicit <c>Z</c> (A2043).
/// </summary>
public static class DirectLineJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese text stays readable (and a third of the size) in the history and on the wire;
            // HTML-significant characters are still escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(new InstantConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class InstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            // localTimestamp keeps the sender's offset; everything stamped here is UTC and ends in Z.
            writer.WriteStringValue(value.Offset == TimeSpan.Zero
                ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
                : value.ToString("O", CultureInfo.InvariantCulture));
    }
}
