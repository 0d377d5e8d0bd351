using System.Reflection;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>
/// Proves the screen before the date models (<c>DateTimeHints</c>) conservative on real inputs: each
/// text, and the same text with every character the screen looks for blanked out (which the screen
/// then skips), is recognised with the screen and with every model asked; the results must be the
/// same. Shared by the dialogs' tests (their date tables) and the conversation's (the sentence tables).
/// </summary>
internal static class DateTimeHintCheck
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));

    // The Chinese model's culture, as Chinese-first recognition names it.
    private static readonly string Chinese = UserLocale.Chinese(TimeZoneInfo.Utc).RecognitionCultures[0];

    /// <summary>Every string argument of every <c>[InlineData]</c> in <paramref name="assembly"/>: the inputs of its table tests.</summary>
    /// <param name="assembly">A test assembly.</param>
    /// <returns>The strings.</returns>
    public static IEnumerable<string> InlineStrings(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>())
            .SelectMany(a => a.Data ?? [])
            .OfType<string>();

    /// <summary>
    /// Asserts that screening changes no result for <paramref name="texts"/> and their blanked forms,
    /// and that at least <paramref name="minSkipped"/> of them were skipped by the screen (so the check had something to check).
    /// </summary>
    /// <param name="texts">The inputs.</param>
    /// <param name="minSkipped">How many texts the Chinese screen must at least have skipped.</param>
    public static void AssertSameAsUnscreened(IEnumerable<string> texts, int minSkipped)
    {
        var zone = UserLocale.FindTimeZone(UserLocale.DefaultTimeZoneId);
        var differences = new List<string>();
        var skipped = 0;
        var variants = texts.SelectMany(t => new[] { t, WithoutHints(t) }).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var text in variants)
        {
            var locale = UserLocale.FromText(text) == ReplyLanguage.English ? UserLocale.English(zone) : UserLocale.Chinese(zone);
            if (!DateTimeHints.MayHold(TextNormalizer.Normalize(text), Chinese))
            {
                skipped++;
            }

            var screened = Describe(DateTimeRecognition.Recognize(text, locale, Now, DateTimePreference.Past));
            var unscreened = Describe(DateTimeRecognition.RecognizeUnscreened(text, locale, Now, DateTimePreference.Past));
            if (!string.Equals(screened, unscreened, StringComparison.Ordinal))
            {
                differences.Add($"{text}: screened [{screened}], every model asked [{unscreened}]");
            }
        }

        Assert.Empty(differences);
        Assert.True(skipped >= minSkipped, $"the screen skipped {skipped} of {variants.Count} texts");
    }

    // The text with every character the screen looks for blanked: what the models find in what is left
    // must be nothing, or the screen would lose it.
    private static string WithoutHints(string text) =>
        string.Concat(TextNormalizer.Normalize(text).Select(c => DateTimeHints.MayHold(c.ToString(), Chinese) ? ' ' : c));

    private static string Describe(IReadOnlyList<DateTimeResolution> found) => string.Join("; ", found);
}
