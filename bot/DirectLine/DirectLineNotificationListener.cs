using ChatReport.Bot.Authentication;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// Carries Direct Line activities stored by other bot instances to this instance's streams: on
/// PostgreSQL it listens on <see cref="DirectLineStore.NotifyChannel"/> over a connection of its
/// own and wakes the sockets of the conversation named. The table stays the truth: a woken socket
/// reads after its own watermark, every socket is woken after each (re)connection and every
/// <see cref="DirectLineOptions.StreamPollSeconds"/>, so a notification lost while the connection
/// was down delays a reply and never loses it. On SQLite (one process) it does nothing: the
/// channel wakes its sockets itself.
/// </summary>
public sealed class DirectLineNotificationListener(
    DbConnectionFactory connections,
    DirectLineStreamHub hub,
    BotFrameworkSettings botFramework,
    TimeProvider time,
    IOptions<DirectLineOptions> options,
    ILogger<DirectLineNotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections.Provider != StorageProvider.PostgreSql || !options.Value.IsEnabled(botFramework))
        {
            return;
        }

        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => delay = FirstRetryDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                logger.LogWarning(ex, "Listening for Direct Line activities of other instances failed; trying again in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken stoppingToken)
    {
        await using var connection = (NpgsqlConnection)await connections.OpenAsync(stoppingToken);
        connection.Notification += (_, notification) => hub.Notify(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {DirectLineStore.NotifyChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        connected();
        logger.LogDebug("Listening for Direct Line activities stored by other instances");
        // Whatever was stored while nobody listened is read now.
        hub.NotifyAll();
        var poll = TimeSpan.FromSeconds(options.Value.StreamPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(poll, stoppingToken))
            {
                // Quiet for a while: prove the connection is alive (a half-open TCP connection never
                // reports anything by itself), then let every socket read from its watermark.
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(stoppingToken);
                hub.NotifyAll();
            }
        }
    }
}
