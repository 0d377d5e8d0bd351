using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatReport.Bot.Teams;

/// <summary>
/// The Teams app manifest (schema 1.22) for the bot: Chinese by default with an English
/// localization file, the personal menu and the group/team menu. Teams allows at most 10
/// commands a list, titles of 32 characters and descriptions of 128.
/// </summary>
public static class TeamsManifest
{
    public const string SchemaVersion = "1.22";
    public const string LocalizationFile = "en-us.json";
    public const string ColorIcon = "color.png";
    public const string OutlineIcon = "outline.png";
    public const int MaxCommands = 10;
    public const int MaxTitle = 32;
    public const int MaxDescription = 128;

    public static IReadOnlyList<TeamsCommand> Personal { get; } =
    [
        new("申报", "申报一件好事，领取积分", "report", "Report a good deed to claim points"),
        new("我的积分", "本周期总分、本季度明细和排名", "my points", "This cycle's total, this quarter's entries and your rank"),
        new("排行榜", "支部本季度和本年度排行", "ranking", "The branch's top members this quarter and this year"),
        new("撤回", "撤回自己待审核的申报", "withdraw", "Withdraw one of your pending claims"),
        new("报名", "报名参加服务任务", "join task", "Sign up for a service task"),
        new("待审核", "书记：待审核的申报", "pending", "Reviewers: the claims waiting for you"),
        new("加入", "用书记给的邀请码加入支部", "join", "Join your branch with the code your secretary gave you"),
        new("绑定", "绑定另一个聊天账号", "link", "Link another chat account"),
        new("帮助", "说明当前能做什么", "help", "What you can do here"),
        new("取消", "取消正在进行的操作", "cancel", "Stop what is in progress"),
    ];

    public static IReadOnlyList<TeamsCommand> Group { get; } =
    [
        new("订阅日报", "书记：本群接收支部日报和季度公示", "subscribe", "Secretaries: this group gets the branch digest and notices"),
        new("退订", "本群不再接收日报", "unsubscribe", "Stop the digest in this group"),
        new("排行榜", "支部本季度和本年度排行", "ranking", "The branch's top members this quarter and this year"),
        new("报名", "报名参加服务任务", "join task", "Sign up for a service task"),
        new("帮助", "说明当前能做什么", "help", "What you can do here"),
    ];

    public static string Build(TeamsPackageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var manifest = new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/json-schemas/teams/v{SchemaVersion}/MicrosoftTeams.schema.json",
            ["manifestVersion"] = SchemaVersion,
            ["version"] = settings.Version,
            ["id"] = settings.AppId,
            ["developer"] = new JsonObject
            {
                ["name"] = settings.Developer,
                ["websiteUrl"] = settings.WebsiteUrl,
                ["privacyUrl"] = settings.PrivacyUrl,
                ["termsOfUseUrl"] = settings.TermsOfUseUrl,
            },
            ["name"] = new JsonObject { ["short"] = "党员积分", ["full"] = "党员积分申报与审核" },
            ["description"] = new JsonObject
            {
                ["short"] = "申报好人好事，书记审核，积分公示",
                ["full"] = "党员在聊天中申报好人好事领取积分，支部书记在对话中审核；每日积分日报发到支部群，季度张榜公示。",
            },
            ["icons"] = new JsonObject { ["color"] = ColorIcon, ["outline"] = OutlineIcon },
            ["accentColor"] = "#B71C1C",
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = settings.AppId,
                    ["scopes"] = new JsonArray("personal", "groupChat", "team"),
                    ["supportsFiles"] = false,
                    ["isNotificationOnly"] = false,
                    ["commandLists"] = new JsonArray
                    {
                        CommandList(["personal"], Personal),
                        CommandList(["groupChat", "team"], Group),
                    },
                },
            },
            ["permissions"] = new JsonArray("identity", "messageTeamMembers"),
            ["validDomains"] = new JsonArray(),
            ["localizationInfo"] = new JsonObject
            {
                ["defaultLanguageTag"] = "zh-cn",
                ["additionalLanguages"] = new JsonArray { new JsonObject { ["languageTag"] = "en-us", ["file"] = LocalizationFile } },
            },
        };
        return manifest.ToJsonString(Indented);
    }

    /// <summary>The English strings, keyed by their place in the manifest as Teams' localization schema wants.</summary>
    public static string BuildEnglish()
    {
        var english = new JsonObject
        {
            ["$schema"] = $"https://developer.microsoft.com/json-schemas/teams/v{SchemaVersion}/MicrosoftTeams.Localization.schema.json",
            ["name.short"] = "ChatReport",
            ["name.full"] = "ChatReport: good deeds and points",
            ["description.short"] = "Report good deeds, reviewed by your secretary, for points",
            ["description.full"] = "Members report good deeds in chat to claim points and their branch secretary reviews them in the conversation; a daily digest goes to the branch group and a quarterly notice lists everyone's points.",
        };
        AddEnglish(english, 0, Personal);
        AddEnglish(english, 1, Group);
        return english.ToJsonString(Indented);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject CommandList(string[] scopes, IReadOnlyList<TeamsCommand> commands) => new()
    {
        ["scopes"] = new JsonArray([.. scopes.Select(s => JsonValue.Create(s))]),
        ["commands"] = new JsonArray([.. commands.Select(c => new JsonObject { ["title"] = c.TitleZh, ["description"] = c.DescriptionZh })]),
    };

    private static void AddEnglish(JsonObject english, int list, IReadOnlyList<TeamsCommand> commands)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            english[$"bots[0].commandLists[{list}].commands[{i}].title"] = commands[i].TitleEn;
            english[$"bots[0].commandLists[{list}].commands[{i}].description"] = commands[i].DescriptionEn;
        }
    }
}
