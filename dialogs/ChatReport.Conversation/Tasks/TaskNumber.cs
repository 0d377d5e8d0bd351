namespace ChatReport.Conversation.Tasks;

/// <summary>A command about one task (报名 7, 确认任务 7, 取消任务 7).</summary>
/// <param name="TaskId">The task number.</param>
/// <param name="Cancel">For <see cref="CloseTaskDialog"/>: cancel instead of complete.</param>
public sealed record TaskNumber(long TaskId, bool Cancel = false);
