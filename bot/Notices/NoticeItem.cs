using ChatReport.Bot.Digests;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Notices;

/// <summary>
/// One ledger entry on the notice. A correction booked into this quarter for an entry of an
/// earlier (locked) quarter names that entry and its quarter in <c>Corrects</c>.
/// </summary>
public sealed record NoticeItem(long EntryId, DateOnly OccurredOn, LedgerKind Kind, int Points, LocalizedName What, NoticeCorrection? Corrects);
