namespace ChatReport.Conversation.Notices;

/// <summary>An exported notice, ready to attach.</summary>
/// <param name="FileName">The file's name, e.g. 山岔村党支部-2026Q4.xlsx.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="Content">Its bytes.</param>
public sealed record NoticeExport(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
