using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;

namespace ChatReport.Bot.Notices;

/// <param name="Status">How it ended.</param>
/// <param name="SignOff">The sign-off that stands, when there is one.</param>
/// <param name="Notice">The notice as signed off.</param>
/// <param name="GroupsPosted">How many of the branch's groups received the notice now.</param>
public sealed record SignOffOutcome(NoticeSignOffStatus Status, QuarterSignOff? SignOff, QuarterNotice? Notice, int GroupsPosted);
