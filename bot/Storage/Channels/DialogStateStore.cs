using ChatReport.Bot.Storage.Connections;
using ChatReport.Dialogs.State;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// Dialog stacks in table dialog_states, one row per (channel, conversation, user). Saves name
/// the version they loaded: an insert that finds a row, or an update that finds another
/// version, changes nothing and throws <see cref="DialogStateConflictException"/>, so of two
/// turns racing on one conversation exactly one wins and the runner reruns the other.
/// </summary>
public sealed class DialogStateStore(DbConnectionFactory connections) : IDialogStateStore
{
    private const string Load = """
        SELECT state_json AS StateJson, dialog_set_version AS DialogSetVersion, version AS Version, last_access_at AS LastAccessAt
        FROM dialog_states
        WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND user_id = @UserId
        """;

    private const string Insert = """
        INSERT INTO dialog_states (channel_id, conversation_id, user_id, state_json, dialog_set_version, version, last_access_at)
        VALUES (@ChannelId, @ConversationId, @UserId, @StateJson, @DialogSetVersion, 1, @LastAccessAt)
        ON CONFLICT (channel_id, conversation_id, user_id) DO NOTHING
        """;

    private const string Update = """
        UPDATE dialog_states
        SET state_json = @StateJson, dialog_set_version = @DialogSetVersion, version = version + 1, last_access_at = @LastAccessAt
        WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND user_id = @UserId AND version = @ExpectedVersion
        """;

    private const string Delete = """
        DELETE FROM dialog_states
        WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND user_id = @UserId
        """;

    private const string DeleteExpired = """
        DELETE FROM dialog_states WHERE last_access_at < @Cutoff
        """;

    /// <inheritdoc />
    public async Task<StoredDialogState?> LoadAsync(DialogStateKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<StoredDialogState>(new CommandDefinition(Load, key, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<long> SaveAsync(DialogStateKey key, DialogStateUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(update);
        var parameters = new
        {
            key.ChannelId,
            key.ConversationId,
            key.UserId,
            update.StateJson,
            update.DialogSetVersion,
            update.LastAccessAt,
            update.ExpectedVersion,
        };
        await connections.WriteAsync(
            async (connection, transaction) =>
            {
                var changed = await connection.ExecuteAsync(new CommandDefinition(
                    update.ExpectedVersion is null ? Insert : Update, parameters, transaction, cancellationToken: cancellationToken));
                if (changed != 1)
                {
                    throw new DialogStateConflictException(
                        $"Dialog state of {key} is no longer at version {update.ExpectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
                }

                return changed;
            },
            cancellationToken);
        return (update.ExpectedVersion ?? 0) + 1;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(DialogStateKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        await connection.ExecuteAsync(new CommandDefinition(Delete, key, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public async Task<int> DeleteExpiredAsync(DateTimeOffset lastAccessBefore, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.ExecuteAsync(new CommandDefinition(DeleteExpired, new { Cutoff = lastAccessBefore }, cancellationToken: cancellationToken));
    }
}
