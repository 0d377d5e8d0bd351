using System.Buffers;
using ChatReport.Dialogs.Localization;
using Microsoft.Recognizers.Text;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Whether a text can hold a date or time for a culture's Microsoft.Recognizers.Text model at
/// all: a cheap look at its characters before the model, which costs about a millisecond and a few
/// hundred KiB for every new text (帮邻居修水管 has nothing a date is written with, so the model
/// would find nothing). Conservative by construction: a text is passed to the model when it has a
/// digit or any number character, a letter of a non-CJK script, or one of the characters Chinese
/// dates, times, durations and holidays are written with; only texts with none of these are
/// skipped. <c>DateTimeHintTests</c> checks on every sentence of the tables that the model finds
/// nothing once these characters are gone.
/// </summary>
internal static class DateTimeHints
{
    // Numerals (一…十, 两, 廿, 壹…拾, 半, 几, 数, 多), the calendar and the clock (年月日号天周星期礼拜
    // 时点分秒刻钟), parts of the day (早晚夜午晨宵夕昏傍凌), relative words (昨今明前后上下本这那去来
    // 当现刚最近未将过此初末中底每隔次), seasons, and the characters of the holidays the model knows
    // (除夕, 元旦, 圣诞, 端午, 重阳, 清明, 国庆, 劳动节…). Traditional forms too, although the text is
    // simplified first. When in doubt a character belongs here: one too many costs a model call,
    // one too few a missed date.
    private static readonly SearchValues<char> Chinese = SearchValues.Create(
        "〇零一二三四五六七八九十百千万亿两俩仨廿卅卌壹贰貳叁肆伍陆陸柒捌玖拾佰仟半几數数多整双雙"
        + "年岁歲月日号號天周週星期礼禮拜时時点點分秒刻钟鐘旬季度世纪紀代"
        + "早晚夜午晨宵夕昏傍凌明昨今前后後上下本这這那去来來当當现現刚剛最近未将將过過此初末中底每隔次"
        + "春夏秋冬节節旦诞誕除庆慶元圣聖端阳陽清农農历曆正");

    /// <summary>
    /// False only when <paramref name="text"/> (normalized: half-width, simplified) cannot hold
    /// anything the <paramref name="culture"/> model reads as a date, time or duration.
    /// </summary>
    /// <param name="text">The normalized text.</param>
    /// <param name="culture">A Microsoft.Recognizers.Text culture.</param>
    /// <returns>Whether the model must be asked.</returns>
    public static bool MayHold(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(culture);
        if (HasNumberOrForeignLetter(text))
        {
            return true;
        }

        if (culture.Equals(Culture.Chinese, StringComparison.OrdinalIgnoreCase))
        {
            return text.AsSpan().ContainsAny(Chinese);
        }

        // English dates are written with Latin letters or digits; other cultures are not screened.
        return !culture.Equals(Culture.English, StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasNumberOrForeignLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsNumber(c) || (char.IsLetter(c) && !Scripts.IsCjk(c)))
            {
                return true;
            }
        }

        return false;
    }
}
