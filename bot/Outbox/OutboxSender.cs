using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Outbox;

/// <summary>Sends kept replies in the background, timed by <see cref="TimeProvider"/>.</summary>
public sealed class OutboxSender(ReplyOutbox outbox, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                await outbox.SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not end the loop: the next round tries again.
                logger.LogError(ex, "Sending kept replies failed");
            }
        }
    }
}
