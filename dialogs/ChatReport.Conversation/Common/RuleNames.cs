using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Common;

/// <summary>A rule's name in the reply language.</summary>
public static class RuleNames
{
    /// <summary>The rule's Chinese or English name.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="language">The reply language.</param>
    /// <returns>The name.</returns>
    public static string Of(PointRule rule, ReplyLanguage language)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return language == ReplyLanguage.English ? rule.NameEn : rule.NameZh;
    }
}
