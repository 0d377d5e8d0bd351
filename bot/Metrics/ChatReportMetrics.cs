using System.Data.Common;
using System.Diagnostics.Metrics;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Domain;

namespace ChatReport.Bot.Metrics;

/// <summary>
/// ChatReport's own series, in one <see cref="Meter"/> named <see cref="MeterName"/>. Recording
/// costs nothing while nobody listens (<c>Metrics:Enabled=false</c>), so the hooks are always on.
/// The gauges read the database when they are collected, so every instance reports the same.
/// </summary>
public sealed class ChatReportMetrics
{
    public const string MeterName = "ChatReport";

    // Channel ids come from the request; only known ones become label values, so a caller cannot grow the series without bound.
    private static readonly HashSet<string> KnownChannels = new(StringComparer.Ordinal)
    {
        "msteams", "directline", "webchat", "emulator", "telegram", "slack", "facebook", "line", "email", "sms", "kik", "skype", "test", "wecom", "wechat", "dingtalk",
    };

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _messagesFailed;
    private readonly Counter<long> _digestRuns;
    private readonly OutboxStore _outbox;
    private readonly ClaimStore _claims;
    private readonly TimeProvider _time;

    public ChatReportMetrics(IMeterFactory meterFactory, OutboxStore outbox, ClaimStore claims, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _outbox = outbox;
        _claims = claims;
        _time = time;
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("chatreport.turns", "{turn}", "Inbound activities run through the bot, by channel and outcome (completed, error, rejected, failed).");
        _turnDuration = meter.CreateHistogram<double>(
            "chatreport.turn.duration", "s", "How long a turn took, from the activity's arrival to the channel's answer.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _messagesSent = meter.CreateCounter<long>("chatreport.messages.sent", "{message}", "Messages the channel accepted, by channel.");
        _messagesFailed = meter.CreateCounter<long>("chatreport.messages.failed", "{message}", "Messages the channel refused or never answered after retries, by channel.");
        _digestRuns = meter.CreateCounter<long>("chatreport.digest.runs", "{run}", "Group digests finished by this instance, by status (sent, skipped, failed).");
        meter.CreateObservableGauge("chatreport.outbox.depth", ReadOutboxDepth, "{message}", "Replies waiting in the outbox for another attempt.");
        meter.CreateObservableGauge("chatreport.outbox.oldest_age", ReadOutboxOldestAge, "s", "Age of the oldest reply waiting in the outbox (0 when empty).");
        meter.CreateObservableGauge("chatreport.claims.pending", ReadPendingClaims, "{claim}", "Claims waiting for a reviewer, in all branches.");
    }

    /// <summary>Starts timing one turn; <see cref="TurnMeasurement.Complete"/> gives its status, disposing records it.</summary>
    public TurnMeasurement StartTurn(string? channelId) => new(this, Channel(channelId), _time.GetTimestamp());

    /// <summary>Runs a send to a channel and counts it as sent or failed.</summary>
    public async Task<T> MeasureSendAsync<T>(string? channelId, Func<Task<T>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var channel = new KeyValuePair<string, object?>("channel", Channel(channelId));
        try
        {
            var result = await send();
            _messagesSent.Add(1, channel);
            return result;
        }
        catch
        {
            _messagesFailed.Add(1, channel);
            throw;
        }
    }

    public void RecordDigestRound(int sent, int skipped, int failed)
    {
        AddDigestRuns("sent", sent);
        AddDigestRuns("skipped", skipped);
        AddDigestRuns("failed", failed);
    }

    internal void RecordTurn(string channel, string outcome, long startedAt)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel);
        _turns.Add(1, channelTag, new KeyValuePair<string, object?>("outcome", outcome));
        _turnDuration.Record(_time.GetElapsedTime(startedAt).TotalSeconds, channelTag);
    }

    private void AddDigestRuns(string status, int count)
    {
        if (count > 0)
        {
            _digestRuns.Add(count, new KeyValuePair<string, object?>("status", status));
        }
    }

    private static string Channel(string? channelId) =>
        channelId is not null && KnownChannels.Contains(channelId) ? channelId : "other";

    private IEnumerable<Measurement<long>> ReadOutboxDepth() =>
        ReadOrNothing(() => new Measurement<long>(Wait(_outbox.GetBacklogAsync(CancellationToken.None)).Depth));

    private IEnumerable<Measurement<double>> ReadOutboxOldestAge() =>
        ReadOrNothing(() => new Measurement<double>(
            Wait(_outbox.GetBacklogAsync(CancellationToken.None)).OldestCreatedAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0));

    private IEnumerable<Measurement<long>> ReadPendingClaims() =>
        ReadOrNothing(() => new Measurement<long>(Wait(_claims.CountAllPendingAsync(CancellationToken.None))));

    // A database that cannot be read is the readiness check's to report; the scrape goes on without these series.
    private static IEnumerable<Measurement<T>> ReadOrNothing<T>(Func<Measurement<T>> read)
        where T : struct
    {
        try
        {
            return [read()];
        }
        catch (DbException)
        {
            return [];
        }
    }

    // Observable instruments are collected through synchronous callbacks; Microsoft.Data.Sqlite
    // completes its "async" calls synchronously anyway, so nothing is blocked on I/O elsewhere.
#pragma warning disable VSTHRD002
    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
}
