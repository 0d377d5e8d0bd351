using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>Photos that came in on the WeCom and WeChat channels (<c>channel_media</c>).</summary>
public sealed class ChannelMediaStore(DbConnectionFactory connections)
{
    private const string Insert = """
        INSERT INTO channel_media (id, channel_id, user_id, content_type, content, created_at)
        VALUES (@Id, @ChannelId, @UserId, @ContentType, @Content, @CreatedAt)
        """;

    private const string Select = """
        SELECT id, channel_id, user_id, content_type, content, created_at FROM channel_media WHERE id = @Id
        """;

    public Task SaveAsync(ChannelMedia media, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(Insert, media, transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task<ChannelMedia?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<ChannelMedia>(new CommandDefinition(Select, new { Id = id }, cancellationToken: cancellationToken));
    }
}
