using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>What administration from chat says (新建支部, 任命书记, 生成邀请码 …).</summary>
public sealed record AdministrationTexts : ITextTable<AdministrationTexts>
{
    /// <summary>The sender is not an active member.</summary>
    public required string NotAMember { get; init; }

    /// <summary>The sender administers no unit.</summary>
    public required string NotAnAdministrator { get; init; }

    /// <summary>The sender may not issue codes or let members review (neither secretary nor administrator).</summary>
    public required string NotASecretaryOrAdministrator { get; init; }

    /// <summary>The unit exists, but outside what the sender administers: (unit).</summary>
    public required Func<string, string> NotYourUnit { get; init; }

    /// <summary>Only an administrator of a top unit reloads the rules.</summary>
    public required string NotTopAdministrator { get; init; }

    /// <summary>Asks for a unit's name.</summary>
    public required string AskUnit { get; init; }

    /// <summary>No unit with that name: (name).</summary>
    public required Func<string, string> UnitNotFound { get; init; }

    /// <summary>Several units have this name: (name).</summary>
    public required Func<string, string> WhichUnit { get; init; }

    /// <summary>One of several units: (name, parent name, unit number).</summary>
    public required Func<string, string, long, string> UnitChoice { get; init; }

    /// <summary>Asks for a member's name.</summary>
    public required string AskMember { get; init; }

    /// <summary>No member of that name in the units the sender manages: (name).</summary>
    public required Func<string, string> MemberNotFound { get; init; }

    /// <summary>Several members have this name: (name).</summary>
    public required Func<string, string> WhichMember { get; init; }

    /// <summary>One of several members: (name, unit, member number).</summary>
    public required Func<string, string, long, string> MemberChoice { get; init; }

    /// <summary>Asks for the new unit's name.</summary>
    public required string AskNewUnitName { get; init; }

    /// <summary>The time zone is unknown: (time zone).</summary>
    public required Func<string, string> UnknownTimeZone { get; init; }

    /// <summary>A unit of that name already exists under that parent: (name, parent).</summary>
    public required Func<string, string, string> UnitExists { get; init; }

    /// <summary>Created: (name, parent, time zone, unit number).</summary>
    public required Func<string, string, string, long, string> UnitCreated { get; init; }

    /// <summary>Asks to confirm replacing the secretary: (branch, new secretary, current secretaries or "none").</summary>
    public required Func<string, string, string, string> ConfirmAppoint { get; init; }

    /// <summary>The word for "nobody" in <see cref="ConfirmAppoint"/>.</summary>
    public required string Nobody { get; init; }

    /// <summary>Appointed: (branch, secretary).</summary>
    public required Func<string, string, string> Appointed { get; init; }

    /// <summary>Already the secretary: (branch, member).</summary>
    public required Func<string, string, string> AlreadySecretary { get; init; }

    /// <summary>Allowed to review: (member, branch).</summary>
    public required Func<string, string, string> ReviewAllowed { get; init; }

    /// <summary>A code's use limit: (uses).</summary>
    public required Func<int, string> CodeMaxUses { get; init; }

    /// <summary>A personal code issued: (code, member, until).</summary>
    public required Func<string, string, string, string> PersonalCodeIssued { get; init; }

    /// <summary>The help-menu line of 个人邀请码.</summary>
    public required string PersonalCodeHelpLine { get; init; }

    /// <summary>Code issued: (code, branch).</summary>
    public required Func<string, string, string> CodeIssued { get; init; }

    /// <summary>When the code expires: (local time text).</summary>
    public required Func<string, string> CodeExpires { get; init; }

    /// <summary>The code never expires.</summary>
    public required string CodeNeverExpires { get; init; }

    /// <summary>Asks which code to revoke.</summary>
    public required string AskCode { get; init; }

    /// <summary>No such code, or not one the sender may revoke: (code).</summary>
    public required Func<string, string> CodeNotFound { get; init; }

    /// <summary>The code was already revoked: (code).</summary>
    public required Func<string, string> CodeAlreadyRevoked { get; init; }

    /// <summary>Asks to confirm revoking: (code, branch).</summary>
    public required Func<string, string, string> ConfirmRevoke { get; init; }

    /// <summary>Revoked: (code).</summary>
    public required Func<string, string> CodeRevoked { get; init; }

    /// <summary>Asks to which unit the member moves: (member).</summary>
    public required Func<string, string> AskTargetUnit { get; init; }

    /// <summary>Asks to confirm the move: (member, from, to).</summary>
    public required Func<string, string, string, string> ConfirmMove { get; init; }

    /// <summary>Already in that unit: (member, unit).</summary>
    public required Func<string, string, string> AlreadyThere { get; init; }

    /// <summary>Moved: (member, unit).</summary>
    public required Func<string, string, string> Moved { get; init; }

    /// <summary>Asks to confirm deactivation: (member, unit).</summary>
    public required Func<string, string, string> ConfirmDeactivate { get; init; }

    /// <summary>Deactivated: (member).</summary>
    public required Func<string, string> Deactivated { get; init; }

    /// <summary>An administrator cannot deactivate themselves.</summary>
    public required string NotYourself { get; init; }

    /// <summary>The administrator said no at a confirmation.</summary>
    public required string NothingChanged { get; init; }

    /// <summary>The rules file was accepted: (added, updated, deactivated, unchanged count); lists are comma-separated or "-".</summary>
    public required Func<string, string, string, int, string> RulesReloaded { get; init; }

    /// <summary>The rules file was refused: (errors, one per line).</summary>
    public required Func<string, string> RulesRefused { get; init; }

    /// <summary>Help while an administration dialog waits.</summary>
    public required string AdministrationHelp { get; init; }

    /// <summary>Help line of 新建支部.</summary>
    public required string CreateUnitHelpLine { get; init; }

    /// <summary>Help line of 任命书记.</summary>
    public required string AppointSecretaryHelpLine { get; init; }

    /// <summary>Help line of 允许审核.</summary>
    public required string AllowReviewHelpLine { get; init; }

    /// <summary>Help line of 生成邀请码.</summary>
    public required string IssueCodeHelpLine { get; init; }

    /// <summary>Help line of 作废邀请码.</summary>
    public required string RevokeCodeHelpLine { get; init; }

    /// <summary>Help line of 调动.</summary>
    public required string MoveMemberHelpLine { get; init; }

    /// <summary>Help line of 停用.</summary>
    public required string DeactivateMemberHelpLine { get; init; }

    /// <summary>Help line of 重新加载规则.</summary>
    public required string ReloadRulesHelpLine { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static AdministrationTexts Chinese { get; } = new()
    {
        NotAMember = "你还不是已登记的党员，不能做这项管理操作。",
        NotAnAdministrator = "抱歉，只有管理员（党建办 / 组织部）可以做这项操作。没有做任何改动。",
        NotASecretaryOrAdministrator = "抱歉，只有支部书记或管理员可以做这项操作。没有做任何改动。",
        NotYourUnit = unit => $"抱歉，“{unit}”不在你管理的范围内。没有做任何改动。",
        NotTopAdministrator = "抱歉，只有最上级单位的管理员可以重新加载积分规则。",
        AskUnit = "是哪个支部（单位）？请说名称。",
        UnitNotFound = name => $"你管理的范围内没有叫“{name}”的单位，请检查名称。",
        WhichUnit = name => $"有几个叫“{name}”的单位，是哪一个？",
        UnitChoice = (name, parent, id) => $"{name}（上级：{parent}，#{id}）",
        AskMember = "是哪位党员？请说名字。",
        MemberNotFound = name => $"你管理的范围内没有叫“{name}”的党员，请检查名字。",
        WhichMember = name => $"有几位叫“{name}”的党员，是哪一位？",
        MemberChoice = (name, unit, id) => $"{name}（{unit}，#{id}）",
        AskNewUnitName = "新单位叫什么名字？",
        UnknownTimeZone = zone => $"不认识时区“{zone}”，请用 Asia/Shanghai 这样的写法。没有做任何改动。",
        UnitExists = (name, parent) => $"“{parent}”下面已经有“{name}”了，没有重复创建。",
        UnitCreated = (name, parent, zone, id) => $"已创建“{name}”（#{id}），上级：{parent}，时区：{zone}。可以用“任命书记 {name} 名字”任命书记，用“生成邀请码 {name}”让党员加入。",
        ConfirmAppoint = (unit, member, current) => $"任命{member}为“{unit}”的书记？现任书记：{current}（将被替换）。",
        Nobody = "无",
        Appointed = (unit, member) => $"已任命{member}为“{unit}”的书记，可以审核本支部的申报。",
        AlreadySecretary = (unit, member) => $"{member}已经是“{unit}”的书记了，没有改动。",
        ReviewAllowed = (member, unit) => $"已允许{member}审核“{unit}”的申报。",
        CodeIssued = (code, unit) => $"“{unit}”的邀请码：{code}\n党员发送“加入 {code}”即可加入。",
        CodeExpires = when => $"有效期至 {when}。",
        CodeMaxUses = uses => $"最多 {uses} 人可用。",
        PersonalCodeIssued = (code, name, until) => $"给“{name}”的个人加入码：{code}\n请只交给本人。本人私聊我发“加入 {code}”，就以花名册上的身份（含职务）加入。只能用一次，有效期至 {until}。",
        PersonalCodeHelpLine = "个人邀请码 名字 —— 给花名册上的某人（如书记、支委）发一次性的个人加入码",
        CodeNeverExpires = "长期有效，不用时请发送“作废邀请码”作废。",
        AskCode = "要作废哪个邀请码？请发 6 位数字。",
        CodeNotFound = code => $"没有找到你可以管理的邀请码“{code}”。",
        CodeAlreadyRevoked = code => $"邀请码 {code} 已经作废了。",
        ConfirmRevoke = (code, unit) => $"作废“{unit}”的邀请码 {code}？作废后不能再用它加入。",
        CodeRevoked = code => $"邀请码 {code} 已作废。",
        AskTargetUnit = member => $"把{member}调到哪个支部？",
        ConfirmMove = (member, from, to) => $"把{member}从“{from}”调到“{to}”？已记的积分留在原支部。",
        AlreadyThere = (member, unit) => $"{member}已经在“{unit}”了，没有改动。",
        Moved = (member, unit) => $"已把{member}调到“{unit}”。",
        ConfirmDeactivate = (member, unit) => $"停用“{unit}”的{member}？停用后不能再申报，历史记录保留。",
        Deactivated = member => $"已停用{member}，历史记录保留。",
        NotYourself = "不能停用自己，请其他管理员操作。",
        NothingChanged = "好的，没有做任何改动。",
        RulesReloaded = (added, updated, deactivated, unchanged) => $"积分规则已重新加载。\n新增：{added}\n更新：{updated}\n停用：{deactivated}\n未变：{unchanged} 条",
        RulesRefused = errors => $"规则文件有错误，没有做任何改动：\n{errors}",
        AdministrationHelp = "你正在做管理操作，回答上面的问题即可；发送“取消”可以退出。",
        CreateUnitHelpLine = "新建支部 名称 [上级单位] [时区] —— 新建支部（也可新建党总支、党小组）",
        AppointSecretaryHelpLine = "任命书记 支部 名字 —— 任命或更换支部书记",
        AllowReviewHelpLine = "允许审核 名字 —— 让支委帮忙审核",
        IssueCodeHelpLine = "生成邀请码 [支部] [50人] —— 生成加入支部的邀请码（只能加入为普通党员）",
        RevokeCodeHelpLine = "作废邀请码 123456 —— 作废邀请码",
        MoveMemberHelpLine = "调动 名字 支部 —— 把党员调到别的支部",
        DeactivateMemberHelpLine = "停用 名字 —— 停用党员",
        ReloadRulesHelpLine = "重新加载规则 —— 重新读取积分规则文件",
    };

    /// <summary>English.</summary>
    public static AdministrationTexts English { get; } = new()
    {
        NotAMember = "You are not a registered member, so you can't do this.",
        NotAnAdministrator = "Sorry, only administrators can do this. Nothing was changed.",
        NotASecretaryOrAdministrator = "Sorry, only a branch secretary or an administrator can do this. Nothing was changed.",
        NotYourUnit = unit => $"Sorry, \"{unit}\" is not a unit you administer. Nothing was changed.",
        NotTopAdministrator = "Sorry, only an administrator of a top unit can reload the point rules.",
        AskUnit = "Which branch (unit)? Please give its name.",
        UnitNotFound = name => $"There is no unit called \"{name}\" among those you manage. Please check the name.",
        WhichUnit = name => $"Several units are called \"{name}\". Which one?",
        UnitChoice = (name, parent, id) => $"{name} (under {parent}, #{id})",
        AskMember = "Which member? Please give the name.",
        MemberNotFound = name => $"There is no member called \"{name}\" in the units you manage. Please check the name.",
        WhichMember = name => $"Several members are called \"{name}\". Which one?",
        MemberChoice = (name, unit, id) => $"{name} ({unit}, #{id})",
        AskNewUnitName = "What is the new unit called?",
        UnknownTimeZone = zone => $"\"{zone}\" is not a time zone I know; write it like Asia/Shanghai. Nothing was changed.",
        UnitExists = (name, parent) => $"\"{parent}\" already has a unit called \"{name}\"; nothing was created.",
        UnitCreated = (name, parent, zone, id) => $"Created \"{name}\" (#{id}) under {parent}, time zone {zone}. Next: \"appoint secretary {name} <name>\" and \"issue code {name}\".",
        ConfirmAppoint = (unit, member, current) => $"Appoint {member} secretary of \"{unit}\"? Current secretary: {current} (will be replaced).",
        Nobody = "none",
        Appointed = (unit, member) => $"{member} is now the secretary of \"{unit}\" and reviews its claims.",
        AlreadySecretary = (unit, member) => $"{member} already is the secretary of \"{unit}\"; nothing changed.",
        ReviewAllowed = (member, unit) => $"{member} may now review the claims of \"{unit}\".",
        CodeIssued = (code, unit) => $"Join code for \"{unit}\": {code}\nMembers send \"join {code}\" to join.",
        CodeExpires = when => $"It works until {when}.",
        CodeMaxUses = uses => $"At most {uses} people can use it.",
        PersonalCodeIssued = (code, name, until) => $"Personal join code for {name}: {code}\nGive it to them only. When they send me \"join {code}\" privately, they join as the roster entry, offices included. It works once, until {until}.",
        PersonalCodeHelpLine = "personal code <name> - a one-time code for one person on the roster (e.g. a secretary)",
        CodeNeverExpires = "It does not expire; send \"revoke code\" when it is no longer needed.",
        AskCode = "Which code should be revoked? Please send the six digits.",
        CodeNotFound = code => $"There is no code \"{code}\" that you manage.",
        CodeAlreadyRevoked = code => $"Code {code} was already revoked.",
        ConfirmRevoke = (code, unit) => $"Revoke code {code} of \"{unit}\"? Nobody can join with it afterwards.",
        CodeRevoked = code => $"Code {code} is revoked.",
        AskTargetUnit = member => $"Which branch does {member} move to?",
        ConfirmMove = (member, from, to) => $"Move {member} from \"{from}\" to \"{to}\"? Points already booked stay with the old branch.",
        AlreadyThere = (member, unit) => $"{member} already is in \"{unit}\"; nothing changed.",
        Moved = (member, unit) => $"{member} moved to \"{unit}\".",
        ConfirmDeactivate = (member, unit) => $"Deactivate {member} of \"{unit}\"? They can no longer report; their history stays.",
        Deactivated = member => $"{member} is deactivated; their history stays.",
        NotYourself = "You can't deactivate yourself; ask another administrator.",
        NothingChanged = "OK, nothing was changed.",
        RulesReloaded = (added, updated, deactivated, unchanged) => $"The point rules were reloaded.\nAdded: {added}\nUpdated: {updated}\nDeactivated: {deactivated}\nUnchanged: {unchanged}",
        RulesRefused = errors => $"The rules file has errors, so nothing was changed:\n{errors}",
        AdministrationHelp = "You are in the middle of an administration step; answer the question above, or send \"cancel\".",
        CreateUnitHelpLine = "create branch <name> [parent] [time zone] - create a branch (also: create general branch, create group)",
        AppointSecretaryHelpLine = "appoint secretary <branch> <name> - appoint or replace a secretary",
        AllowReviewHelpLine = "allow review <name> - let a committee member review",
        IssueCodeHelpLine = "issue code [branch] [50 uses] - issue a join code (ordinary members only)",
        RevokeCodeHelpLine = "revoke code 123456 - revoke a join code",
        MoveMemberHelpLine = "move <name> <branch> - move a member to another branch",
        DeactivateMemberHelpLine = "deactivate <name> - deactivate a member",
        ReloadRulesHelpLine = "reload rules - read the point rules file again",
    };

    /// <inheritdoc />
    public static AdministrationTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No administration texts for this language."),
    };
}
