namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Yes or no in our own Chinese and English words (是/好/对/确认/提交/可以/嗯/行/yes/ok/sure
/// against 不/否/不是/不要/no), after <see cref="TextNormalizer.ForMatching"/> so 對, 確認 and
/// ＯＫ count. A Chinese answer that starts with a yes word and has no negation in it ("好的谢谢")
/// is a yes; one that starts with 不, 否, 别 or 没 is a no ("不用了"), except 没问题 and 没错.
/// </summary>
public static class ConfirmRecognition
{
    private static readonly HashSet<string> YesWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "是", "是的", "是啊", "好", "好的", "好啊", "好吧", "对", "对的", "对啊", "确认", "确定", "提交", "可以", "行", "嗯", "嗯嗯", "恩",
        "没问题", "没错", "同意", "要", "需要", "正确", "ok", "okay", "k", "yes", "y", "yeah", "yep", "yup", "sure", "confirm",
        "submit", "correct", "right", "👍",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "不", "不是", "不是的", "否", "不要", "不用", "不用了", "不对", "不行", "不可以", "不同意", "不需要", "没有", "算了", "别", "错",
        "错了", "no", "n", "nope", "nah", "not", "wrong", "👎",
    };

    private static readonly string[] YesPrefixes = ["是", "好", "对", "确认", "确定", "提交", "可以", "行", "嗯", "同意"];

    private static readonly string[] NoPrefixes = ["不", "否", "别", "没"];

    private static readonly char[] Negations = ['不', '没', '别', '否'];

    /// <summary>True for yes, false for no, null when <paramref name="text"/> is neither.</summary>
    public static bool? Recognize(string? text)
    {
        var input = TextNormalizer.ForMatching(text);
        if (input.Length == 0)
        {
            return null;
        }

        if (YesWords.Contains(input))
        {
            return true;
        }

        if (NoWords.Contains(input))
        {
            return false;
        }

        if (TextNormalizer.ContainsCjk(input))
        {
            if (input.StartsWith("没问题", StringComparison.Ordinal) || input.StartsWith("没错", StringComparison.Ordinal))
            {
                return true;
            }

            if (NoPrefixes.Any(p => input.StartsWith(p, StringComparison.Ordinal)))
            {
                return false;
            }

            if (YesPrefixes.Any(p => input.StartsWith(p, StringComparison.Ordinal)) && input.IndexOfAny(Negations) < 0)
            {
                return true;
            }

            return null;
        }

        // English: the first word decides ("yes please", "no thanks", "ok, submit it").
        var firstWord = input.Split([' ', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries)[0];
        if (YesWords.Contains(firstWord))
        {
            return true;
        }

        return NoWords.Contains(firstWord) ? false : null;
    }
}
