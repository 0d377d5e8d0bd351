using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>The conversations the bot can post into later, one row per channel and conversation.</summary>
public sealed class ConversationReferenceStore(DbConnectionFactory connections)
{
    // An unverified sighting never overwrites a verified row: otherwise an unauthenticated
    // request could redirect digests to a serviceUrl of its choosing. Unchanged rows are not
    // rewritten, so the common case costs no write at all.
    private const string Upsert = """
        INSERT INTO conversation_references (
            channel_id, conversation_id, service_url, bot_id, bot_name, user_id, user_name,
            tenant_id, conversation_type, is_group, locale, verified, updated_at)
        VALUES (
            @ChannelId, @ConversationId, @ServiceUrl, @BotId, @BotName, @UserId, @UserName,
            @TenantId, @ConversationType, @IsGroup, @Locale, @Verified, @UpdatedAt)
        ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
            service_url = excluded.service_url,
            bot_id = excluded.bot_id,
            bot_name = excluded.bot_name,
            user_id = excluded.user_id,
            user_name = excluded.user_name,
            tenant_id = coalesce(excluded.tenant_id, conversation_references.tenant_id),
            conversation_type = coalesce(excluded.conversation_type, conversation_references.conversation_type),
            is_group = excluded.is_group,
            locale = coalesce(excluded.locale, conversation_references.locale),
            verified = excluded.verified,
            updated_at = excluded.updated_at
        WHERE excluded.verified >= conversation_references.verified
          AND (conversation_references.service_url, conversation_references.bot_id, conversation_references.bot_name,
               conversation_references.user_id, conversation_references.user_name, conversation_references.tenant_id,
               conversation_references.conversation_type, conversation_references.is_group, conversation_references.locale,
               conversation_references.verified)
              IS DISTINCT FROM
              (excluded.service_url, excluded.bot_id, excluded.bot_name,
               excluded.user_id, excluded.user_name, coalesce(excluded.tenant_id, conversation_references.tenant_id),
               coalesce(excluded.conversation_type, conversation_references.conversation_type), excluded.is_group,
               coalesce(excluded.locale, conversation_references.locale), excluded.verified)
        """;

    private const string SelectColumns = """
        SELECT channel_id, conversation_id, service_url, bot_id, bot_name, user_id, user_name,
               tenant_id, conversation_type, is_group, locale, verified, updated_at
        FROM conversation_references
        """;

    private const string ByConversation = SelectColumns + """

        WHERE channel_id = @ChannelId AND conversation_id = @ConversationId
        """;

    private const string PersonalByUser = SelectColumns + """

        WHERE channel_id = @ChannelId AND user_id = @UserId AND is_group = FALSE
        ORDER BY verified DESC, updated_at DESC
        LIMIT 1
        """;

    public async Task SaveAsync(StoredConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        // Almost every turn sees a conversation it already knows. Reading first (WAL readers take
        // no lock) spares the turn a write transaction that would queue behind other writers.
        var existing = await FindAsync(reference.ChannelId, reference.ConversationId, cancellationToken);
        if (existing is not null && ((existing.Verified && !reference.Verified) || Unchanged(existing, reference)))
        {
            return;
        }

        await connections.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(Upsert, reference, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    private static bool Unchanged(StoredConversationReference existing, StoredConversationReference seen) =>
        string.Equals(existing.ServiceUrl, seen.ServiceUrl, StringComparison.Ordinal)
        && string.Equals(existing.BotId, seen.BotId, StringComparison.Ordinal)
        && string.Equals(existing.BotName, seen.BotName, StringComparison.Ordinal)
        && string.Equals(existing.UserId, seen.UserId, StringComparison.Ordinal)
        && string.Equals(existing.UserName, seen.UserName, StringComparison.Ordinal)
        && string.Equals(existing.TenantId, seen.TenantId ?? existing.TenantId, StringComparison.Ordinal)
        && string.Equals(existing.ConversationType, seen.ConversationType ?? existing.ConversationType, StringComparison.Ordinal)
        && existing.IsGroup == seen.IsGroup
        && string.Equals(existing.Locale, seen.Locale ?? existing.Locale, StringComparison.Ordinal)
        && existing.Verified == seen.Verified;

    public async Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            ByConversation, new { ChannelId = channelId, ConversationId = conversationId }, cancellationToken: cancellationToken));
        return row?.ToReference();
    }

    /// <summary>The 1:1 conversation with a user on a channel, if the bot has seen one.</summary>
    public async Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            PersonalByUser, new { ChannelId = channelId, UserId = userId }, cancellationToken: cancellationToken));
        return row?.ToReference();
    }

    // The type handlers turn each engine's flags and instants into bool and DateTimeOffset.
    private sealed record Row(
        string ChannelId,
        string ConversationId,
        string ServiceUrl,
        string BotId,
        string? BotName,
        string? UserId,
        string? UserName,
        string? TenantId,
        string? ConversationType,
        bool IsGroup,
        string? Locale,
        bool Verified,
        DateTimeOffset UpdatedAt)
    {
        public StoredConversationReference ToReference() => new()
        {
            ChannelId = ChannelId,
            ConversationId = ConversationId,
            ServiceUrl = ServiceUrl,
            BotId = BotId,
            BotName = BotName,
            UserId = UserId,
            UserName = UserName,
            TenantId = TenantId,
            ConversationType = ConversationType,
            IsGroup = IsGroup,
            Locale = Locale,
            Verified = Verified,
            UpdatedAt = UpdatedAt,
        };
    }
}
