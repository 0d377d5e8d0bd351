namespace ChatReport.Bot.Messaging;

/// <summary>Chinese unless the channel says the user reads English.</summary>
public static class UserLanguage
{
    public static bool IsEnglish(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
}
