using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Tests.Storage;

public sealed record TestBranch(OrgUnit Committee, OrgUnit Unit, Member Secretary, IReadOnlyList<Member> Members, Cycle Cycle)
{
    public Member this[int index] => Members[index];
}
