namespace ChatReport.Bot.Teams;

/// <summary>One entry of the bot's command menu in Teams, in both languages the bot speaks.</summary>
public sealed record TeamsCommand(string TitleZh, string DescriptionZh, string TitleEn, string DescriptionEn);
