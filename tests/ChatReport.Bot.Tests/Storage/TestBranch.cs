using ChatReport.Conversation.Domain.Calendar;
using ChatReport.Conversation.Domain.Members;
using ChatReport.Conversation.Domain.Organisation;

namespace ChatReport.Bot.Tests.Storage;

public sealed record TestBranch(OrgUnit Committee, OrgUnit Unit, Member Secretary, IReadOnlyList<Member> Members, Cycle Cycle)
{
    public Member this[int index] => Members[index];
}
