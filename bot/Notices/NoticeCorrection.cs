namespace ChatReport.Bot.Notices;

/// <summary>The entry a correction reverses, and the quarter it was booked in.</summary>
public sealed record NoticeCorrection(long EntryId, int Quarter);
