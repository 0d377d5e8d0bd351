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
        ExecuteAsync(UpsertConversation, conversation, cancellationToken);

    public Task<DingTalkConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        FindAsync<DingTalkConversation>(SelectConversation, new { ConversationId = conversationId }, cancellationToken);

    public Task SaveRobotAsync(DingTalkRobot robot, CancellationToken cancellationToken) =>
        ExecuteAsync(UpsertRobot, robot, cancellationToken);

    public Task<DingTalkRobot?> FindRobotAsync(string conversationId, CancellationToken cancellationToken) =>
        FindAsync<DingTalkRobot>(SelectRobot, new { ConversationId = conversationId }, cancellationToken);

    /// <summary>Forgets a robot's webhook and secret; false when there was none.</summary>
    public async Task<bool> DeleteRobotAsync(string conversationId, CancellationToken cancellationToken) =>
        await ExecuteAsync(DeleteRobotSql, new { ConversationId = conversationId }, cancellationToken) > 0;

    public Task SaveFileAsync(DingTalkFile file, CancellationToken cancellationToken) =>
        ExecuteAsync(InsertFile, file, cancellationToken);

    public Task<DingTalkFile?> FindFileAsync(string id, CancellationToken cancellationToken) =>
        FindAsync<DingTalkFile>(SelectFile, new { Id = id }, cancellationToken);

    // Every write here is one statement and every read one row by key: the three tables differ only in their SQL.
    private Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    private async Task<T?> FindAsync<T>(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
