using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>The DingTalk channel's tables: conversations with their reply routes, custom robots, pictures.</summary>
public sealed class DingTalkStore(DbConnectionFactory connections)
{
    private const string UpsertConversation = """
        INSERT INTO dingtalk_conversations (conversation_id, is_group, staff_id, session_webhook, session_webhook_expires_at, updated_at)
        VALUES (@ConversationId, @IsGroup, @StaffId, @SessionWebhook, @SessionWebhookExpiresAt, @UpdatedAt)
        ON CONFLICT (conversation_id) DO UPDATE SET
            is_group = excluded.is_group,
            staff_id = COALESCE(excluded.staff_id, dingtalk_conversations.staff_id),
            session_webhook = excluded.session_webhook,
            session_webhook_expires_at = excluded.session_webhook_expires_at,
            updated_at = excluded.updated_at
        """;

    private const string SelectConversation = """
        SELECT conversation_id, is_group, staff_id, session_webhook, session_webhook_expires_at, updated_at
        FROM dingtalk_conversations WHERE conversation_id = @ConversationId
        """;

    private const string UpsertRobot = """
        INSERT INTO dingtalk_robots (conversation_id, webhook_url, secret, member_id, created_at)
        VALUES (@ConversationId, @WebhookUrl, @Secret, @MemberId, @CreatedAt)
        ON CONFLICT (conversation_id) DO UPDATE SET
            webhook_url = excluded.webhook_url, secret = excluded.secret, member_id = excluded.member_id
        """;

    private const string SelectRobot = """
        SELECT conversation_id, webhook_url, secret, member_id, created_at FROM dingtalk_robots WHERE conversation_id = @ConversationId
        """;

    private const string DeleteRobotSql = """
        DELETE FROM dingtalk_robots WHERE conversation_id = @ConversationId
        """;

    private const string InsertFile = """
        INSERT INTO dingtalk_files (id, conversation_id, content_type, content, created_at)
        VALUES (@Id, @ConversationId, @ContentType, @Content, @CreatedAt)
        """;

    private const string SelectFile = """
        SELECT id, conversation_id, content_type, content, created_at FROM dingtalk_files WHERE id = @Id
        """;

    public Task SaveConversationAsync(DingTalkConversation conversation, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(UpsertConversation, conversation, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<DingTalkConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<DingTalkConversation>(new CommandDefinition(SelectConversation, new { ConversationId = conversationId }, cancellationToken: cancellationToken));
    }

    public Task SaveRobotAsync(DingTalkRobot robot, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(UpsertRobot, robot, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<DingTalkRobot?> FindRobotAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<DingTalkRobot>(new CommandDefinition(SelectRobot, new { ConversationId = conversationId }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets a robot's webhook and secret; false when there was none.</summary>
    public Task<bool> DeleteRobotAsync(string conversationId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(DeleteRobotSql, new { ConversationId = conversationId }, transaction, cancellationToken: cancellationToken)) > 0,
            cancellationToken);

    public Task SaveFileAsync(DingTalkFile file, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(InsertFile, file, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<DingTalkFile?> FindFileAsync(string id, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<DingTalkFile>(new CommandDefinition(SelectFile, new { Id = id }, cancellationToken: cancellationToken));
    }
}
