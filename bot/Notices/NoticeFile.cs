namespace ChatReport.Bot.Notices;

/// <summary>An exported notice, ready to attach in chat or to write to disk.</summary>
public sealed record NoticeFile(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
