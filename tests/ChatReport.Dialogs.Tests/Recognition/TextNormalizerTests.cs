using ChatReport.Dialogs.Recognition;

namespace ChatReport.Dialogs.Tests.Recognition;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("上個星期六", "上个星期六")]
    [InlineData("兩個小時", "两个小时")]
    [InlineData("確認提交", "确认提交")]
    [InlineData("簽字確認", "签字确认")]
    [InlineData("重新載入規則", "重新载入规则")]
    [InlineData("幫助", "帮助")]
    [InlineData("ＨＥＬＰ　２０分", "HELP 20分")]
    [InlineData("在社區掃雪", "在社区扫雪")]
    public void NormalizeSimplifiesAndNarrowsCharacterForCharacter(string input, string expected)
    {
        var normalized = TextNormalizer.Normalize(input);

        Assert.Equal(expected, normalized);
        Assert.Equal(input.Length, normalized.Length);
    }

    [Theory]
    [InlineData("  取消。 ", "取消")]
    [InlineData("“是”！", "是")]
    [InlineData("？", "?")]
    [InlineData("help   me", "help me")]
    [InlineData(null, "")]
    public void ForMatchingTrimsPunctuationAroundTheWords(string? input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.ForMatching(input));
    }
}
