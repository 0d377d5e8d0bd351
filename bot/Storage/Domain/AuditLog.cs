using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>Writes audit records inside the caller's transaction, so a decision and its record commit together.</summary>
internal static class AuditLog
{
    private const string Insert = """
        INSERT INTO audit_log (at, actor_id, action, subject_type, subject_id, before_json, after_json)
        VALUES (@At, @ActorId, @Action, @SubjectType, @SubjectId, @BeforeJson, @AfterJson)
        """;

    // Chinese names stay readable in the sqlite3 shell; this JSON is never put into HTML.
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Task WriteAsync(
        DbConnection connection,
        DbTransaction? transaction,
        DateTimeOffset at,
        long? actorId,
        string action,
        string subjectType,
        string subjectId,
        object? before,
        object? after,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            Insert,
            new
            {
                At = at,
                ActorId = actorId,
                Action = action,
                SubjectType = subjectType,
                SubjectId = subjectId,
                BeforeJson = before is null ? null : JsonSerializer.Serialize(before, before.GetType(), s_json),
                AfterJson = after is null ? null : JsonSerializer.Serialize(after, after.GetType(), s_json),
            },
            transaction,
            cancellationToken: cancellationToken));
}
