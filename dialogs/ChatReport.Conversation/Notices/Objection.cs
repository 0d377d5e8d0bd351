namespace ChatReport.Conversation.Notices;

/// <summary>A member's objection to a line (or one item) of a branch's published quarterly notice.</summary>
/// <param name="Id">The objection's number.</param>
/// <param name="UnitId">The branch.</param>
/// <param name="Quarter">The notice's quarter.</param>
/// <param name="ObjectorId">Who objected.</param>
/// <param name="ObjectorName">Their name.</param>
/// <param name="MemberId">Whose points are objected to.</param>
/// <param name="MemberName">Their name.</param>
/// <param name="EntryId">The ledger entry objected to, or null for the member's whole line.</param>
/// <param name="Reason">Why, in the objector's words.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="CreatedAt">When it was filed.</param>
/// <param name="Resolution">The reviewer's reason, once resolved.</param>
/// <param name="CorrectionEntryId">The correcting ledger entry of an upheld objection.</param>
public sealed record Objection(
    long Id,
    long UnitId,
    QuarterId Quarter,
    long ObjectorId,
    string ObjectorName,
    long MemberId,
    string MemberName,
    long? EntryId,
    string Reason,
    ObjectionStatus Status,
    DateTimeOffset CreatedAt,
    string? Resolution,
    long? CorrectionEntryId);
