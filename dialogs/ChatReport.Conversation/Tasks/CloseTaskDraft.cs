namespace ChatReport.Conversation.Tasks;

/// <summary>The step state of <see cref="CloseTaskDialog"/>.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Cancel">Cancel instead of complete.</param>
/// <param name="ActorId">The reviewer.</param>
public sealed record CloseTaskDraft(long TaskId, bool Cancel, long ActorId = 0);
