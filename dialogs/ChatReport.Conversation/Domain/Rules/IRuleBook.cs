namespace ChatReport.Conversation.Domain;

/// <summary>The points rules. Keyword matching belongs to the conversation layer; this gives it the rules.</summary>
public interface IRuleBook
{
    /// <summary>The rules in force, bonus rules first, then by code.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Active rules.</returns>
    Task<IReadOnlyList<PointRule>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>A rule by number, active or not (old claims refer to inactive rules).</summary>
    /// <param name="ruleId">The rule's number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule, or null.</returns>
    Task<PointRule?> GetAsync(long ruleId, CancellationToken cancellationToken);

    /// <summary>A rule by code, active or not.</summary>
    /// <param name="code">The rule's code (<c>free_haircut</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rule, or null.</returns>
    Task<PointRule?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the administrator's rules file again and applies it in one transaction: new codes are
    /// added, changed rules get a new version, rules missing from the file are deactivated (never
    /// deleted, so claims made under them keep their history). A file with errors changes nothing.
    /// </summary>
    /// <param name="actorId">The administrator who asked, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What changed, or why the file was refused.</returns>
    Task<RuleReloadResult> ReloadAsync(long? actorId, CancellationToken cancellationToken);
}
