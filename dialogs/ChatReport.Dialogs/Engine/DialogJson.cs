using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatReport.Dialogs.Engine;

/// <summary>The one way dialog state becomes JSON: web casing, enums by name (readable in the database).</summary>
internal static class DialogJson
{
    internal static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
