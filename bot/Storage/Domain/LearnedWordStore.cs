using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed class LearnedWordStore(DbConnectionFactory connections, TimeProvider time) : ILearnedWordBook
{
    // A word counts for a rule only through claims a reviewer approved under that same rule.
    private const string ByUnit = """
        SELECT lw.rule_id, lw.word,
               COUNT(DISTINCT CASE WHEN c.status = 'approved' AND c.rule_id = lw.rule_id THEN c.id END) AS approved_claims
        FROM learned_words lw JOIN claims c ON c.id = lw.claim_id
        WHERE lw.unit_id = @UnitId
        GROUP BY lw.rule_id, lw.word
        ORDER BY lw.word, lw.rule_id
        """;

    private const string Remove = """
        DELETE FROM learned_words WHERE unit_id = @UnitId AND word = @Word
        """;

    public async Task<IReadOnlyList<LearnedWord>> ListAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<LearnedWord>(new CommandDefinition(ByUnit, new { UnitId = unitId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public Task<int> RemoveAsync(long unitId, string word, long? actorId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var removed = await connection.ExecuteAsync(new CommandDefinition(Remove, new { UnitId = unitId, Word = word.Trim() }, transaction, cancellationToken: cancellationToken));
                if (removed > 0)
                {
                    await AuditLog.WriteAsync(
                        connection, transaction, time.GetUtcNow(), actorId, "learned_word.remove", AuditSubjects.LearnedWord,
                        $"{unitId}/{word.Trim()}", new { Word = word.Trim(), Records = removed }, null, cancellationToken);
                }

                return removed;
            },
            cancellationToken);
    }
}
