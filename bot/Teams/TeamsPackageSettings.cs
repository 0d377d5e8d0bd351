namespace ChatReport.Bot.Teams;

/// <summary>What goes into the manifest besides the commands: the bot's app id and the publisher's pages.</summary>
public sealed record TeamsPackageSettings(string AppId, string Version, string Developer, string WebsiteUrl, string PrivacyUrl, string TermsOfUseUrl);
