using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Review;

/// <summary>Looks up the names that turn claims into <see cref="ClaimView"/>s.</summary>
public static class ClaimViews
{
    /// <summary>Views of <paramref name="claims"/> for a reader in <paramref name="language"/> and <paramref name="timeZone"/>.</summary>
    /// <param name="claims">The claims.</param>
    /// <param name="members">Where member names come from.</param>
    /// <param name="rules">Where rule names come from.</param>
    /// <param name="language">The reader's language.</param>
    /// <param name="timeZone">The reader's time zone.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One view per claim, in the same order.</returns>
    public static async Task<IReadOnlyList<ClaimView>> BuildAsync(
        IReadOnlyList<Claim> claims,
        IMemberDirectory members,
        IRuleBook rules,
        ReplyLanguage language,
        TimeZoneInfo timeZone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(rules);
        var names = new Dictionary<long, string>();
        var ruleNames = new Dictionary<long, string>();
        var views = new List<ClaimView>(claims.Count);
        foreach (var claim in claims)
        {
            if (!names.TryGetValue(claim.MemberId, out var name))
            {
                name = (await members.GetAsync(claim.MemberId, cancellationToken))?.DisplayName ?? $"#{claim.MemberId}";
                names[claim.MemberId] = name;
            }

            if (!ruleNames.TryGetValue(claim.RuleId, out var ruleName))
            {
                var rule = await rules.GetAsync(claim.RuleId, cancellationToken);
                ruleName = rule is null ? "?" : language == ReplyLanguage.English ? rule.NameEn : rule.NameZh;
                ruleNames[claim.RuleId] = ruleName;
            }

            views.Add(new ClaimView(claim, name, ruleName, TimeZoneInfo.ConvertTime(claim.OccurredAt, timeZone)));
        }

        return views;
    }
}
