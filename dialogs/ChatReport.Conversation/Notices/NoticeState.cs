namespace ChatReport.Conversation.Notices;

/// <summary>The step state of the notice dialogs.</summary>
/// <param name="MemberId">Who asked.</param>
/// <param name="Quarter">The quarter, once known.</param>
/// <param name="UnitId">The branch, once known.</param>
/// <param name="Format">The file format asked for (export only).</param>
public sealed record NoticeState(long MemberId = 0, QuarterId? Quarter = null, long UnitId = 0, NoticeExportFormat Format = NoticeExportFormat.Xlsx);
