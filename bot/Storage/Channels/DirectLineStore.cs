using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Dialogs.Schema;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>Conversations, members, history and files of the local Direct Line channel.</summary>
public sealed class DirectLineStore(DbConnectionFactory connections, TimeProvider time)
{
    /// <summary>
    /// The PostgreSQL channel a stored activity is announced on (payload: the conversation id), so
    /// that the streams of other bot instances read it. Sent in the transaction that stores the
    /// activity: PostgreSQL delivers it only once that commits, when the row is there to read.
    /// </summary>
    public const string NotifyChannel = "chatreport_directline";

    private const string NotifyPostgreSql = $"SELECT pg_notify('{NotifyChannel}', @ConversationId)";

    private const string ConversationColumns = "id, kind, owner_user_id, group_name, locale, created_at, started_at";

    private const string SelectConversation = $"""
        SELECT {ConversationColumns} FROM directline_conversations WHERE id = @Id
        """;

    private const string InsertConversation = """
        INSERT INTO directline_conversations (id, kind, owner_user_id, group_name, locale, created_at)
        VALUES (@Id, @Kind, @OwnerUserId, @GroupName, @Locale, @CreatedAt)
        """;

    // The partial unique indexes make "find or create" a single race-free statement.
    private const string InsertPrivate = """
        INSERT INTO directline_conversations (id, kind, owner_user_id, locale, created_at)
        VALUES (@Id, 'private', @OwnerUserId, @Locale, @CreatedAt)
        ON CONFLICT (owner_user_id) WHERE kind = 'private' DO NOTHING
        """;

    private const string SelectPrivate = $"""
        SELECT {ConversationColumns} FROM directline_conversations WHERE kind = 'private' AND owner_user_id = @OwnerUserId
        """;

    private const string InsertGroup = """
        INSERT INTO directline_conversations (id, kind, group_name, locale, created_at)
        VALUES (@Id, 'group', @GroupName, @Locale, @CreatedAt)
        ON CONFLICT (group_name) WHERE kind = 'group' DO NOTHING
        """;

    private const string SelectGroup = $"""
        SELECT {ConversationColumns} FROM directline_conversations WHERE kind = 'group' AND group_name = @GroupName
        """;

    private const string MarkStarted = """
        UPDATE directline_conversations SET started_at = @Now WHERE id = @Id AND started_at IS NULL
        """;

    private const string InsertMember = """
        INSERT INTO directline_members (conversation_id, user_id, user_name, joined_at)
        VALUES (@ConversationId, @UserId, @UserName, @Now)
        ON CONFLICT (conversation_id, user_id) DO NOTHING
        """;

    private const string RenameMember = """
        UPDATE directline_members SET user_name = @UserName
        WHERE conversation_id = @ConversationId AND user_id = @UserId AND @UserName IS NOT NULL AND user_name IS DISTINCT FROM @UserName
        """;

    private const string SelectMembers = """
        SELECT user_id, user_name FROM directline_members WHERE conversation_id = @ConversationId ORDER BY joined_at, user_id
        """;

    private const string NextSequence = """
        UPDATE directline_conversations SET last_sequence = last_sequence + 1 WHERE id = @Id RETURNING last_sequence
        """;

    private const string SelectRetry = """
        SELECT sequence, activity_json, delivered_at
        FROM directline_activities
        WHERE conversation_id = @ConversationId AND from_id = @FromId AND client_activity_id = @ClientActivityId
        """;

    private const string InsertActivity = """
        INSERT INTO directline_activities
            (conversation_id, sequence, activity_id, type, from_id, client_activity_id, activity_json, created_at, delivered_at)
        VALUES
            (@ConversationId, @Sequence, @ActivityId, @Type, @FromId, @ClientActivityId, @ActivityJson, @Now, @DeliveredAt)
        """;

    // Typing is only worth something live: keep the latest per conversation, not one per turn forever.
    private const string DropOlderTyping = """
        DELETE FROM directline_activities WHERE conversation_id = @ConversationId AND type = 'typing' AND sequence < @Sequence
        """;

    private const string MarkDelivered = """
        UPDATE directline_activities SET delivered_at = @Now
        WHERE conversation_id = @ConversationId AND activity_id = @ActivityId AND delivered_at IS NULL
        """;

    private const string SelectAfter = """
        SELECT sequence, type, activity_json FROM directline_activities
        WHERE conversation_id = @ConversationId AND sequence > @After
        ORDER BY sequence
        LIMIT @Limit
        """;

    private const string SelectActivity = """
        SELECT activity_json FROM directline_activities WHERE conversation_id = @ConversationId AND activity_id = @ActivityId
        """;

    private const string MoveActivity = """
        UPDATE directline_activities SET sequence = @Sequence, type = @Type, activity_json = @ActivityJson
        WHERE conversation_id = @ConversationId AND activity_id = @ActivityId
        """;

    private const string DeleteActivity = """
        DELETE FROM directline_activities WHERE conversation_id = @ConversationId AND activity_id = @ActivityId
        """;

    private const string InsertAttachment = """
        INSERT INTO directline_attachments (id, conversation_id, content_type, name, content, created_at)
        VALUES (@Id, @ConversationId, @ContentType, @Name, @Content, @CreatedAt)
        """;

    private const string SelectAttachment = """
        SELECT id, conversation_id, content_type, name, content, created_at FROM directline_attachments WHERE id = @Id
        """;

    public async Task<DirectLineConversation?> FindConversationAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DirectLineConversation>(new CommandDefinition(SelectConversation, new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>A new conversation of the REST API (<c>kind = 'conversation'</c>).</summary>
    public async Task<DirectLineConversation> CreateConversationAsync(string id, string? locale, CancellationToken cancellationToken)
    {
        var conversation = new DirectLineConversation(id, DirectLineConversation.ApiKind, null, null, locale, time.GetUtcNow(), null);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertConversation, conversation, cancellationToken: cancellationToken));
        return conversation;
    }

    /// <summary>The user's one private conversation, created with <paramref name="newId"/> the first time.</summary>
    public async Task<DirectLineConversation> GetOrCreatePrivateAsync(string userId, string newId, string? locale, CancellationToken cancellationToken)
    {
        var parameters = new { Id = newId, OwnerUserId = userId, Locale = locale, CreatedAt = time.GetUtcNow() };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertPrivate, parameters, cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<DirectLineConversation>(new CommandDefinition(SelectPrivate, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>The group conversation called <paramref name="groupName"/>, created with <paramref name="newId"/> the first time.</summary>
    public async Task<DirectLineConversation> GetOrCreateGroupAsync(string groupName, string newId, string? locale, CancellationToken cancellationToken)
    {
        var parameters = new { Id = newId, GroupName = groupName, Locale = locale, CreatedAt = time.GetUtcNow() };
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertGroup, parameters, cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<DirectLineConversation>(new CommandDefinition(SelectGroup, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>Records the first start; true only for the call that started it (201 vs 200).</summary>
    public async Task<bool> MarkStartedAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(MarkStarted, new { Id = id, Now = time.GetUtcNow() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Adds a member (or refreshes the name); true when the user was not a member before.</summary>
    public async Task<bool> AddMemberAsync(string conversationId, string userId, string? userName, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new { ConversationId = conversationId, UserId = userId, UserName = userName, Now = time.GetUtcNow() };
        if (await connection.ExecuteAsync(new CommandDefinition(InsertMember, parameters, cancellationToken: cancellationToken)) == 1)
        {
            return true;
        }

        await connection.ExecuteAsync(new CommandDefinition(RenameMember, parameters, cancellationToken: cancellationToken));
        return false;
    }

    public async Task<IReadOnlyList<ChannelAccount>> GetMembersAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string UserId, string? UserName)>(new CommandDefinition(SelectMembers, new { ConversationId = conversationId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => new ChannelAccount { Id = row.UserId, Name = row.UserName, Role = "user" })];
    }

    /// <summary>
    /// Stores <paramref name="activity"/> at the end of the history and gives it its id
    /// (<c>{conversationId}|{sequence}</c>, the service's shape). A user's activity that repeats a
    /// stored <paramref name="clientActivityId"/> is not stored again: the original comes back.
    /// </summary>
    public async Task<AppendedActivity> AppendAsync(string conversationId, Activity activity, string? clientActivityId, bool delivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var fromId = activity.From?.Id;
        if (clientActivityId is not null)
        {
            var existing = await connection.QuerySingleOrDefaultAsync<RetryRow>(new CommandDefinition(
                SelectRetry, new { ConversationId = conversationId, FromId = fromId, ClientActivityId = clientActivityId }, transaction, cancellationToken: cancellationToken));
            if (existing is not null)
            {
                return new AppendedActivity(Deserialize(existing.ActivityJson), existing.Sequence, IsRetry: true, existing.DeliveredAt is not null);
            }
        }

        var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(NextSequence, new { Id = conversationId }, transaction, cancellationToken: cancellationToken));
        var stored = activity with { Id = ActivityId(conversationId, sequence) };
        var now = time.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition(InsertActivity, new
        {
            ConversationId = conversationId,
            Sequence = sequence,
            ActivityId = stored.Id,
            Type = stored.Type ?? string.Empty,
            FromId = fromId,
            ClientActivityId = clientActivityId,
            ActivityJson = JsonSerializer.Serialize(stored, DirectLineJson.Options),
            Now = now,
            DeliveredAt = delivered ? now : (DateTimeOffset?)null,
        }, transaction, cancellationToken: cancellationToken));
        if (stored.IsType(ActivityTypes.Typing))
        {
            await connection.ExecuteAsync(new CommandDefinition(DropOlderTyping, new { ConversationId = conversationId, Sequence = sequence }, transaction, cancellationToken: cancellationToken));
        }

        await AnnounceAsync(connection, transaction, conversationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AppendedActivity(stored, sequence, IsRetry: false, delivered);
    }

    public async Task MarkDeliveredAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(MarkDelivered, new { ConversationId = conversationId, ActivityId = activityId, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    /// <summary>Up to <paramref name="limit"/> history rows after the watermark <paramref name="after"/>, in order.</summary>
    public async Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredActivity>(new CommandDefinition(
            SelectAfter, new { ConversationId = conversationId, After = after, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<Activity?> FindActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            SelectActivity, new { ConversationId = conversationId, ActivityId = activityId }, cancellationToken: cancellationToken));
        return json is null ? null : Deserialize(json);
    }

    /// <summary>
    /// Replaces a stored activity, keeping its id, and moves it to the end of the history so that
    /// clients past the old watermark see the new version. False when there is no such activity.
    /// </summary>
    public async Task<bool> ReplaceAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(NextSequence, new { Id = conversationId }, transaction, cancellationToken: cancellationToken));
        var changed = await connection.ExecuteAsync(new CommandDefinition(MoveActivity, new
        {
            ConversationId = conversationId,
            ActivityId = activity.Id,
            Sequence = sequence,
            Type = activity.Type ?? string.Empty,
            ActivityJson = JsonSerializer.Serialize(activity, DirectLineJson.Options),
        }, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            // Nothing to move: leave the watermark where it was.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await AnnounceAsync(connection, transaction, conversationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(DeleteActivity, new { ConversationId = conversationId, ActivityId = activityId }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task SaveAttachmentAsync(StoredAttachment attachment, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertAttachment, attachment, cancellationToken: cancellationToken));
    }

    public async Task<StoredAttachment?> FindAttachmentAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredAttachment>(new CommandDefinition(SelectAttachment, new { Id = id }, cancellationToken: cancellationToken));
    }

    // SQLite has one process, whose streams the channel wakes itself.
    private async Task AnnounceAsync(DbConnection connection, DbTransaction transaction, string conversationId, CancellationToken cancellationToken)
    {
        if (connections.Provider == StorageProvider.PostgreSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(NotifyPostgreSql, new { ConversationId = conversationId }, transaction, cancellationToken: cancellationToken));
        }
    }

    private static string ActivityId(string conversationId, long sequence) =>
        conversationId + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);

    private static Activity Deserialize(string json) => JsonSerializer.Deserialize<Activity>(json, DirectLineJson.Options)!;

    private sealed record RetryRow(long Sequence, string ActivityJson, DateTimeOffset? DeliveredAt);
}
