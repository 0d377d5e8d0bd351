using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed class AuditStore(DbConnectionFactory connections) : IAuditTrail
{
    private const string ForSubject = """
        SELECT id, at, actor_id, action, subject_type, subject_id, before_json, after_json
        FROM audit_log WHERE subject_type = @SubjectType AND subject_id = @SubjectId
        ORDER BY id
        """;

    public async Task<IReadOnlyList<AuditRecord>> ListForSubjectAsync(string subjectType, string subjectId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<AuditRecord>(new CommandDefinition(
            ForSubject, new { SubjectType = subjectType, SubjectId = subjectId }, cancellationToken: cancellationToken))];
    }
}
