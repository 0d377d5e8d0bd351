using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatReport.Bot.Connector;

/// <summary>
/// How activities are read and written on the wire: camelCase, names matched case-insensitively
/// (the SDK's Newtonsoft reader is lenient, so channels get away with other casings), nulls left
/// out as the SDK leaves them out.
/// </summary>
public static class BotJson
{
    /// <summary>
    /// Deeper than any real activity (an Adaptive Card inside an attachment is well under 20
    /// levels) and the serializer's own default; anything deeper is refused as absurd.
    /// </summary>
    public const int MaxDepth = 64;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = MaxDepth,
    };
}
