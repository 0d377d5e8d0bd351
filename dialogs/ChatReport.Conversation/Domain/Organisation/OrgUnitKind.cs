namespace ChatReport.Conversation.Domain;

/// <summary>The levels of the Party organisation that ChatReport models.</summary>
public enum OrgUnitKind
{
    /// <summary>A party committee or working committee (党委 / 党工委): the top of a tree.</summary>
    Committee,

    /// <summary>A general branch (党总支) grouping several branches.</summary>
    GeneralBranch,

    /// <summary>A branch (党支部, also 网格党支部): the unit whose ledger holds its members' points.</summary>
    Branch,

    /// <summary>A group inside a branch (党小组, 楼栋党小组).</summary>
    Group,
}
