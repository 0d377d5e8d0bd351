namespace ChatReport.Dialogs.Localization;

/// <summary>
/// The languages the bot replies in. Every <see cref="ITextTable{TSelf}"/> has a table for each
/// value; a test fails when one is missing.
/// </summary>
public enum ReplyLanguage
{
    /// <summary>Simplified Chinese (zh-CN), the default. Traditional-character users read it too.</summary>
    Chinese = 0,

    /// <summary>English (en).</summary>
    English = 1,
}
