namespace ChatReport.Conversation.Domain;

/// <summary>Reads the audit log the stores write with every decision.</summary>
public interface IAuditTrail
{
    /// <summary>What was done to one subject, oldest first.</summary>
    /// <param name="subjectType">The subject type (see <see cref="AuditSubjects"/>).</param>
    /// <param name="subjectId">The subject id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<AuditRecord>> ListForSubjectAsync(string subjectType, string subjectId, CancellationToken cancellationToken);
}
