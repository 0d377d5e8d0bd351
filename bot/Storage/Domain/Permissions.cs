using System.Data.Common;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// The checks the stores repeat inside their own transactions for every change that touches
/// points, so a dialog that forgot to ask cannot award or deduct.
/// </summary>
internal static class Permissions
{
    public const string CanReview = """
        SELECT EXISTS (
            SELECT 1 FROM unit_roles r JOIN members m ON m.id = r.member_id
            WHERE r.member_id = @MemberId AND r.unit_id = @UnitId AND m.is_active = TRUE
              AND (r.role = 'secretary' OR (r.role = 'committee' AND r.can_review = TRUE)))
        """;

    public static Task<bool> CanReviewAsync(DbConnection connection, DbTransaction? transaction, long memberId, long unitId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(CanReview, new { MemberId = memberId, UnitId = unitId }, transaction, cancellationToken: cancellationToken));
}
