using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Schedules;

/// <summary>
/// The reads behind a branch's quarterly notice (two queries over the covering ledger indexes),
/// and the deliveries of notices to reviewers and groups, claimed before sending like digests.
/// </summary>
public sealed class NoticeStore(DbConnectionFactory connections, TimeProvider time)
{
    private const string Entries = """
        SELECT e.id, e.member_id, e.kind, e.points, e.occurred_on, e.reason, e.reverses_entry_id,
               r.name_zh AS rule_name_zh, r.name_en AS rule_name_en, c.description AS claim_description, t.title AS task_title,
               o.kind AS corrects_kind, o.quarter AS corrects_quarter
        FROM ledger_entries e
        LEFT JOIN point_rules r ON r.id = e.rule_id
        LEFT JOIN claims c ON c.id = e.claim_id
        LEFT JOIN service_tasks t ON t.id = e.task_id
        LEFT JOIN ledger_entries o ON o.id = e.reverses_entry_id
        WHERE e.unit_id = @UnitId AND e.cycle_id = @CycleId AND e.quarter = @Quarter
        ORDER BY e.member_id, e.occurred_on, e.id
        """;

    // Everyone on the branch's roll, and anyone with points booked in its ledger this cycle
    // (a member who moved or was deactivated keeps the points the branch gave them).
    private const string Members = """
        WITH totals AS (
            SELECT member_id, SUM(points) AS cycle_total FROM ledger_entries
            WHERE unit_id = @UnitId AND cycle_id = @CycleId AND quarter <= @Quarter
            GROUP BY member_id
        )
        SELECT m.id AS member_id, m.display_name, COALESCE(totals.cycle_total, 0) AS cycle_total
        FROM members m LEFT JOIN totals ON totals.member_id = m.id
        WHERE (m.unit_id = @UnitId AND m.is_active = TRUE) OR totals.member_id IS NOT NULL
        """;

    private const string ReviewRecipients = """
        SELECT DISTINCT r.unit_id, cr.channel_id, cr.conversation_id, cr.locale, d.id AS delivery_id
        FROM unit_roles r
        JOIN org_units u ON u.id = r.unit_id AND u.is_active = TRUE
        JOIN members m ON m.id = r.member_id AND m.is_active = TRUE
        JOIN channel_accounts a ON a.member_id = m.id
        JOIN conversation_references cr ON cr.channel_id = a.channel_id AND cr.user_id = a.user_id AND cr.is_group = FALSE
        LEFT JOIN notice_deliveries d
            ON d.unit_id = r.unit_id AND d.year = @Year AND d.quarter = @Quarter AND d.purpose = 'review'
           AND d.channel_id = cr.channel_id AND d.conversation_id = cr.conversation_id
        LEFT JOIN quarter_signoffs s ON s.unit_id = r.unit_id AND s.year = @Year AND s.quarter = @Quarter
        WHERE (r.role = 'secretary' OR (r.role = 'committee' AND r.can_review = TRUE))
          AND s.unit_id IS NULL
          AND (d.id IS NULL OR (d.status = 'claimed' AND d.claimed_at < @StaleBefore))
        ORDER BY r.unit_id, cr.channel_id, cr.conversation_id
        """;

    private const string PublishRecipients = """
        SELECT s.unit_id, s.year, s.quarter, g.channel_id, g.conversation_id, cr.locale, d.id AS delivery_id
        FROM quarter_signoffs s
        JOIN org_units u ON u.id = s.unit_id AND u.is_active = TRUE
        JOIN group_subscriptions g ON g.unit_id = s.unit_id AND g.unsubscribed_at IS NULL
        JOIN conversation_references cr ON cr.channel_id = g.channel_id AND cr.conversation_id = g.conversation_id
        LEFT JOIN notice_deliveries d
            ON d.unit_id = s.unit_id AND d.year = s.year AND d.quarter = s.quarter AND d.purpose = 'publish'
           AND d.channel_id = g.channel_id AND d.conversation_id = g.conversation_id
        WHERE s.signed_at >= @SignedSince AND (@UnitId IS NULL OR s.unit_id = @UnitId)
          AND (d.id IS NULL OR (d.status = 'claimed' AND d.claimed_at < @StaleBefore))
        ORDER BY s.unit_id, s.year, s.quarter, g.channel_id, g.conversation_id
        """;

    private const string Claim = """
        INSERT INTO notice_deliveries (unit_id, year, quarter, purpose, channel_id, conversation_id, status, claimed_by, claimed_at, attempts)
        VALUES (@UnitId, @Year, @Quarter, @Purpose, @ChannelId, @ConversationId, 'claimed', @Instance, @Now, 0)
        ON CONFLICT (unit_id, year, quarter, purpose, channel_id, conversation_id) DO NOTHING
        RETURNING id
        """;

    private const string TakeOver = """
        UPDATE notice_deliveries SET claimed_by = @Instance, claimed_at = @Now
        WHERE id = @Id AND status = 'claimed' AND claimed_at < @StaleBefore
        """;

    private const string BeginAttempt = """
        UPDATE notice_deliveries SET attempts = attempts + 1, claimed_at = @Now
        WHERE id = @Id AND status = 'claimed' AND claimed_by = @Instance
        """;

    private const string Finish = """
        UPDATE notice_deliveries SET status = @Status, finished_at = @Now, activity_id = @ActivityId, last_error = @LastError
        WHERE id = @Id AND status = 'claimed' AND claimed_by = @Instance
        """;

    private const string Deliveries = """
        SELECT id, unit_id, year, quarter, purpose, channel_id, conversation_id, status, attempts, last_error, activity_id
        FROM notice_deliveries WHERE unit_id = @UnitId AND year = @Year AND quarter = @Quarter ORDER BY id
        """;

    public async Task<(IReadOnlyList<EntryRow> Entries, IReadOnlyList<MemberRow> Members)> ReadAsync(long unitId, long cycleId, int quarter, CancellationToken cancellationToken)
    {
        // One snapshot for both reads, so the totals and the items agree.
        var parameters = new { UnitId = unitId, CycleId = cycleId, Quarter = quarter };
        var (entries, members) = await connections.ReadAsync(
            async connection => (
                (await connection.QueryAsync<EntryRow>(new CommandDefinition(Entries, parameters, cancellationToken: cancellationToken))).ToList(),
                (await connection.QueryAsync<MemberRow>(new CommandDefinition(Members, parameters, cancellationToken: cancellationToken))).ToList()),
            cancellationToken);
        return (entries, members);
    }

    /// <summary>Reviewers' chats of every unit that has not yet received (or not signed off) the quarter's notice for review.</summary>
    public async Task<IReadOnlyList<Recipient>> ListReviewRecipientsAsync(int year, int quarter, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<RecipientRow>(new CommandDefinition(
            ReviewRecipients, new { Year = year, Quarter = quarter, StaleBefore = staleBefore }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Recipient(r.UnitId, year, quarter, new GroupAddress(r.ChannelId, r.ConversationId), r.Locale, r.DeliveryId))];
    }

    /// <summary>Groups of units whose quarter was signed off since <paramref name="signedSince"/> and that have not received the notice.</summary>
    public async Task<IReadOnlyList<Recipient>> ListPublishRecipientsAsync(DateTimeOffset signedSince, long? unitId, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<PublishRow>(new CommandDefinition(
            PublishRecipients, new { SignedSince = signedSince, UnitId = unitId, StaleBefore = staleBefore }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Recipient(r.UnitId, r.Year, r.Quarter, new GroupAddress(r.ChannelId, r.ConversationId), r.Locale, r.DeliveryId))];
    }

    /// <summary>Claims a delivery (or takes over an abandoned one); null when someone else has it.</summary>
    public Task<long?> TryClaimAsync(Recipient recipient, string purpose, string instance, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                if (recipient.DeliveryId is { } id)
                {
                    var taken = await connection.ExecuteAsync(new CommandDefinition(
                        TakeOver, new { Id = id, Instance = instance, Now = now, StaleBefore = staleBefore }, transaction, cancellationToken: cancellationToken));
                    return taken == 1 ? id : (long?)null;
                }

                return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    Claim,
                    new { recipient.UnitId, recipient.Year, recipient.Quarter, Purpose = purpose, recipient.Chat.ChannelId, recipient.Chat.ConversationId, Instance = instance, Now = now },
                    transaction,
                    cancellationToken: cancellationToken));
            },
            cancellationToken);
    }

    public Task<bool> BeginAttemptAsync(long deliveryId, string instance, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(BeginAttempt, new { Id = deliveryId, Instance = instance, Now = time.GetUtcNow() }, cancellationToken);

    public Task<bool> MarkSentAsync(long deliveryId, string instance, string? activityId, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(Finish, new { Id = deliveryId, Instance = instance, Now = time.GetUtcNow(), Status = "sent", ActivityId = activityId, LastError = (string?)null }, cancellationToken);

    public Task<bool> MarkFailedAsync(long deliveryId, string instance, string error, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(Finish, new { Id = deliveryId, Instance = instance, Now = time.GetUtcNow(), Status = "failed", ActivityId = (string?)null, LastError = error.Length <= 1000 ? error : error[..1000] }, cancellationToken);

    public async Task<IReadOnlyList<Delivery>> ListDeliveriesAsync(long unitId, int year, int quarter, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<Delivery>(new CommandDefinition(Deliveries, new { UnitId = unitId, Year = year, Quarter = quarter }, cancellationToken: cancellationToken))];
    }

    private Task<bool> ExecuteOwnedAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public sealed record EntryRow(
        long Id,
        long MemberId,
        LedgerKind Kind,
        int Points,
        DateOnly OccurredOn,
        string? Reason,
        long? ReversesEntryId,
        string? RuleNameZh,
        string? RuleNameEn,
        string? ClaimDescription,
        string? TaskTitle,
        LedgerKind? CorrectsKind,
        int? CorrectsQuarter);

    public sealed record MemberRow(long MemberId, string DisplayName, int CycleTotal);

    /// <summary>A chat that should receive a unit's notice; <c>DeliveryId</c> is set for an abandoned claim to take over.</summary>
    public sealed record Recipient(long UnitId, int Year, int Quarter, GroupAddress Chat, string? Locale, long? DeliveryId);

    public sealed record Delivery(long Id, long UnitId, int Year, int Quarter, string Purpose, string ChannelId, string ConversationId, string Status, int Attempts, string? LastError, string? ActivityId);

    private sealed record RecipientRow(long UnitId, string ChannelId, string ConversationId, string? Locale, long? DeliveryId);

    private sealed record PublishRow(long UnitId, int Year, int Quarter, string ChannelId, string ConversationId, string? Locale, long? DeliveryId);
}
