using System.Text.Json;
using System.Text.Json.Serialization;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bench.Digests;

/// <summary>
/// The bench's <see cref="IGroupMessenger"/>: posts the activity as JSON to the Connector stub the
/// way the Connector client does (send to conversation). The real one lives on the protocol branch.
/// </summary>
internal sealed class HttpGroupMessenger(HttpClient http) : IGroupMessenger
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task<string?> SendAsync(GroupAddress address, Activity activity, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"v3/conversations/{Uri.EscapeDataString(address.ConversationId)}/activities", activity, s_json, cancellationToken);
        response.EnsureSuccessStatusCode();
        var resource = await response.Content.ReadFromJsonAsync<ResourceResponse>(s_json, cancellationToken);
        return resource?.Id;
    }
}
