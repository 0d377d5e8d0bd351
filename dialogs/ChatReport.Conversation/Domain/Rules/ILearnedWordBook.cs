namespace ChatReport.Conversation.Domain;

/// <summary>
/// The words each branch taught the bot for its rules. Words are recorded with the claim they came
/// from (see <see cref="ClaimRequest.LearnWords"/>) and count only while that claim is approved
/// under that rule; a branch never sees another's words.
/// </summary>
public interface ILearnedWordBook
{
    /// <summary>The branch's learned words, with how many approved claims back each (0 while none is).</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The words, by word.</returns>
    Task<IReadOnlyList<LearnedWord>> ListAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="word"/> for the branch (for every rule).</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="word">The word.</param>
    /// <param name="actorId">The administrator, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>How many records were removed.</returns>
    Task<int> RemoveAsync(long unitId, string word, long? actorId, CancellationToken cancellationToken);
}
