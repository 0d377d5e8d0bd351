using System.Net.WebSockets;
using System.Text;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// The WebSocket at <c>streamUrl</c>: ActivitySet frames as activities are stored, empty frames as
/// keep-alives. The socket first replays what came after its watermark (without stale typing),
/// then follows the conversation live. What the client sends is read and ignored (DirectLineJS
/// pings with empty frames).
/// </summary>
public sealed class DirectLineStreamer(
    DirectLineStore store,
    DirectLineStreamHub hub,
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStreamer> logger)
{
    // Real time on purpose: this bounds a network handshake, not anything the domain measures.
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public static async Task<Results<EmptyHttpResult, JsonHttpResult<ErrorResponse>>> StreamAsync(
        string conversationId,
        string? t,
        string? watermark,
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineStore store,
        DirectLineStreamer streamer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineErrors.Invalid("This is a WebSocket stream: open it with a WebSocket client.");
        }

        var (check, ticket) = await tokens.ValidateAsync(t, DirectLineToken.StreamAudience, cancellationToken);
        switch (check)
        {
            case TokenCheck.Expired:
                return DirectLineErrors.Expired();
            case not TokenCheck.Valid:
                return DirectLineErrors.NotAuthorized("The stream URL is not valid; ask for a new one (GET the conversation).");
        }

        if (!string.Equals(ticket!.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return DirectLineErrors.NotAllowed("This stream URL belongs to another conversation.");
        }

        if (await store.FindConversationAsync(conversationId, cancellationToken) is null)
        {
            return DirectLineErrors.Missing($"There is no conversation '{conversationId}'.");
        }

        if (!DirectLineUrls.TryParseWatermark(watermark, out var from))
        {
            return DirectLineErrors.Invalid("The watermark must be a number this service gave out.");
        }

        // Subscribe before the upgrade completes: a client that sees its socket open is already the
        // newest, so a second socket opened after it always replaces it, whatever the scheduling.
        using var subscription = streamer.Subscribe(conversationId, ticket.TokenId);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await streamer.RunAsync(socket, subscription, conversationId, from, cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>Registers a stream of the conversation; a later one with the same key replaces it.</summary>
    public StreamSubscription Subscribe(string conversationId, string streamKey) => hub.Subscribe(conversationId, streamKey);

    /// <summary>Serves one accepted socket until the client leaves, a newer socket replaces it, or the host stops.</summary>
    public async Task RunAsync(WebSocket socket, StreamSubscription subscription, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(subscription);
        using var clientGone = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, subscription.Replaced, lifetime.ApplicationStopping, clientGone.Token);

        // Receiving is never cancelled by token (that would abort the socket before our close
        // frame): it ends when the client closes, or when the socket is aborted below.
        var receiving = ReceiveUntilClosedAsync(socket, clientGone);
        try
        {
            watermark = await SendPendingAsync(socket, conversationId, watermark, includeTyping: false, stop.Token);
            var keepAlive = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);
            while (!stop.IsCancellationRequested)
            {
                using var idle = new CancellationTokenSource(keepAlive, time);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, idle.Token);
                try
                {
                    await subscription.Wakeups.WaitToReadAsync(wait.Token);
                    subscription.Wakeups.TryRead(out _);
                    watermark = await SendPendingAsync(socket, conversationId, watermark, includeTyping: true, stop.Token);
                }
                catch (OperationCanceledException) when (idle.IsCancellationRequested && !stop.IsCancellationRequested)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client left, a newer socket took over, or the host is stopping.
        }
        catch (WebSocketException ex)
        {
            logger.LogDebug(ex, "Stream of {ConversationId} broke", conversationId);
        }
        finally
        {
            var reason = subscription.Replaced.IsCancellationRequested ? "collision"
                : lifetime.ApplicationStopping.IsCancellationRequested ? "shutting down"
                : "closed";
            await CloseAsync(socket, reason);
            if (await Task.WhenAny(receiving, Task.Delay(CloseHandshakeTimeout, CancellationToken.None)) != receiving)
            {
                socket.Abort();
            }

            await receiving;
        }
    }

    private async Task<long> SendPendingAsync(WebSocket socket, string conversationId, long watermark, bool includeTyping, CancellationToken cancellationToken)
    {
        while (true)
        {
            var rows = await store.ReadAfterAsync(conversationId, watermark, ActivitySetJson.PageSize, cancellationToken);
            if (rows.Count == 0)
            {
                return watermark;
            }

            var frame = ActivitySetJson.Write(rows, watermark, includeTyping, out watermark, out var count);
            if (count > 0)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }

            if (rows.Count < ActivitySetJson.PageSize)
            {
                return watermark;
            }
        }
    }

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource clientGone)
    {
        var buffer = new byte[4 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Aborted or broken: either way the client is gone.
        }

        await clientGone.CancelAsync();
    }

    private static async Task CloseAsync(WebSocket socket, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The peer is already gone.
        }
    }
}
