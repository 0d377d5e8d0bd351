namespace ChatReport.Conversation.Notices;

/// <summary>Objections to the quarterly notice during its objection period (公示期).</summary>
public interface IObjectionBook
{
    /// <summary>Files an objection to the objector's branch's notice now in its objection period.</summary>
    /// <param name="request">The objection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    Task<ObjectionFiling> FileAsync(ObjectionRequest request, CancellationToken cancellationToken);

    /// <summary>The open objections of <paramref name="unitId"/>, oldest first, with the items they concern.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The objections.</returns>
    Task<IReadOnlyList<OpenObjection>> ListOpenAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>Upholds (booking the correction into the objected quarter) or dismisses an objection, once.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    Task<ObjectionDecisionResult> DecideAsync(ObjectionDecision decision, CancellationToken cancellationToken);
}
