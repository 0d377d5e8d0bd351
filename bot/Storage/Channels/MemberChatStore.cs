using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// Where reviewers and administrators can be reached in private: the personal conversations of
/// their linked channel accounts. A member who never chatted with the bot has none.
/// </summary>
public sealed class MemberChatStore(DbConnectionFactory connections)
{
    private const string Reviewers = """
        SELECT DISTINCT r.unit_id, m.id AS member_id, m.display_name, cr.channel_id, cr.conversation_id, cr.locale
        FROM unit_roles r
        JOIN members m ON m.id = r.member_id AND m.is_active = TRUE
        JOIN channel_accounts a ON a.member_id = m.id
        JOIN conversation_references cr ON cr.channel_id = a.channel_id AND cr.user_id = a.user_id AND cr.is_group = FALSE
        WHERE r.unit_id = @UnitId AND (r.role = 'secretary' OR (r.role = 'committee' AND r.can_review = TRUE))
        ORDER BY m.display_name, m.id, cr.channel_id, cr.conversation_id
        """;

    // Administrators of a unit hold the role on it or on any unit above it.
    private const string Administrators = """
        WITH RECURSIVE chain (unit_id, ancestor_id) AS (
            SELECT id, id FROM org_units WHERE id IN @UnitIds
            UNION
            SELECT chain.unit_id, u.parent_id FROM chain JOIN org_units u ON u.id = chain.ancestor_id WHERE u.parent_id IS NOT NULL
        )
        SELECT DISTINCT chain.unit_id, m.id AS member_id, m.display_name, cr.channel_id, cr.conversation_id, cr.locale
        FROM chain
        JOIN unit_roles r ON r.unit_id = chain.ancestor_id AND r.role = 'administrator'
        JOIN members m ON m.id = r.member_id AND m.is_active = TRUE
        JOIN channel_accounts a ON a.member_id = m.id
        JOIN conversation_references cr ON cr.channel_id = a.channel_id AND cr.user_id = a.user_id AND cr.is_group = FALSE
        ORDER BY chain.unit_id, m.id, cr.channel_id, cr.conversation_id
        """;

    /// <summary>The personal chats of a branch's reviewers (secretaries, and committee members allowed to review).</summary>
    public async Task<IReadOnlyList<MemberChat>> ListReviewerChatsAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Reviewers, new { UnitId = unitId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToChat())];
    }

    /// <summary>The personal chats of the administrators of each unit (on it or above it).</summary>
    public async Task<IReadOnlyList<MemberChat>> ListAdministratorChatsAsync(IReadOnlyCollection<long> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        if (unitIds.Count == 0)
        {
            return [];
        }

        var chats = new List<MemberChat>();
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        // Dapper expands the list into one parameter each; SQLite takes at most 32,766.
        foreach (var chunk in unitIds.Distinct().Chunk(10_000))
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(SqlDialect.Lists(connection, Administrators), new { UnitIds = chunk }, cancellationToken: cancellationToken));
            chats.AddRange(rows.Select(r => r.ToChat()));
        }

        return chats;
    }

    private sealed record Row(long UnitId, long MemberId, string DisplayName, string ChannelId, string ConversationId, string? Locale)
    {
        public MemberChat ToChat() => new(UnitId, MemberId, DisplayName, new GroupAddress(ChannelId, ConversationId), Locale);
    }
}
