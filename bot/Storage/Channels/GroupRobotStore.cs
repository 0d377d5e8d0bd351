using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>The WeCom group robots digests are posted through (<c>wecom_group_robots</c>).</summary>
public sealed class GroupRobotStore(DbConnectionFactory connections)
{
    private const string Upsert = """
        INSERT INTO wecom_group_robots (conversation_id, webhook_key, key_hint, added_by, added_at)
        VALUES (@ConversationId, @WebhookKey, @KeyHint, @AddedBy, @AddedAt)
        ON CONFLICT (conversation_id) DO UPDATE SET webhook_key = excluded.webhook_key
        """;

    private const string Select = """
        SELECT conversation_id, webhook_key, key_hint, added_by, added_at FROM wecom_group_robots WHERE conversation_id = @ConversationId
        """;

    public Task SaveAsync(GroupRobot robot, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(Upsert, robot, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<GroupRobot?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<GroupRobot>(new CommandDefinition(Select, new { ConversationId = conversationId }, cancellationToken: cancellationToken));
    }
}
