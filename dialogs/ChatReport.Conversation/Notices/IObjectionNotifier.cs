namespace ChatReport.Conversation.Notices;

/// <summary>Tells people about objections in their personal chats.</summary>
public interface IObjectionNotifier
{
    /// <summary>Tells the branch's reviewers (except the member concerned) that an objection was filed.</summary>
    /// <param name="objection">The objection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task ObjectionFiledAsync(Objection objection, CancellationToken cancellationToken);

    /// <summary>Tells the objector how their objection was resolved, and why.</summary>
    /// <param name="objection">The resolved objection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task ObjectionResolvedAsync(Objection objection, CancellationToken cancellationToken);
}
