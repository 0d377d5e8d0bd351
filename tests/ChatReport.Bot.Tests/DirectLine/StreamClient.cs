using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>A WebSocket on a streamUrl that reads whole frames; waits are bounded so a missing frame fails instead of hanging.</summary>
public sealed class StreamClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private StreamClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<StreamClient> OpenAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), TestContext.Current.CancellationToken);
        return new StreamClient(socket);
    }

    /// <summary>The HTTP status of a refused handshake.</summary>
    public static async Task<HttpStatusCode> RefusalAsync(string streamUrl)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(streamUrl), TestContext.Current.CancellationToken));
        return socket.HttpStatusCode;
    }

    /// <summary>The next frame's text ("" for a keep-alive), or null when the server closed.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan? patience = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(patience ?? Patience);
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            await message.WriteAsync(buffer.AsMemory(0, result.Count), timeout.Token);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Reads ActivitySet frames (skipping keep-alives) until one holds an activity matching <paramref name="match"/>.</summary>
    public Task<ActivitySet> ReceiveUntilAsync(Func<ActivitySet, bool> match) => ReceiveUntilAsync(match, []);

    /// <summary>As <see cref="ReceiveUntilAsync(Func{ActivitySet, bool})"/>, keeping every activity seen on the way in <paramref name="seen"/>.</summary>
    public async Task<ActivitySet> ReceiveUntilAsync(Func<ActivitySet, bool> match, List<ChatReport.Dialogs.Schema.Activity> seen)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(seen);
        // Keep-alives (every 15 s) would renew each frame's patience for ever: the whole search
        // has a deadline of its own.
        var searching = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var left = Patience + Patience - searching.Elapsed;
            Assert.True(left > TimeSpan.Zero, $"No matching frame within {(Patience + Patience).TotalSeconds} s; seen: {string.Join(", ", seen.Select(a => $"{a.Type} {a.Text}"))}");
            var frame = await ReceiveAsync(left < Patience ? left : Patience);
            Assert.NotNull(frame);
            if (frame.Length == 0)
            {
                continue;
            }

            var set = JsonSerializer.Deserialize<ActivitySet>(frame, DirectLineJson.Options)!;
            seen.AddRange(set.Activities);
            if (match(set))
            {
                return set;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server may be gone already.
            }
        }

        Socket.Dispose();
    }
}
