using ChatReport.Conversation.Claims;
using ChatReport.Conversation.Points;

namespace ChatReport.Conversation.Tests.Claims;

public sealed class EnglishPluralTests
{
    [Fact]
    public void OnePointIsSingularAndOtherCountsArePlural()
    {
        Assert.Equal("Item: Snow, 1 point", ClaimTexts.English.SummaryRule("Snow", 1));
        Assert.Equal("Item: Snow, 2 points", ClaimTexts.English.SummaryRule("Snow", 2));
        Assert.Equal("Photos: 1 photo", ClaimTexts.English.SummaryPhotos(1));
        Assert.Equal("\"Snow\" gives at most 1 point per day; you have 1 point left. Report 1 point?", ClaimTexts.English.AboveCap("Snow", 1, "per day", 1));
        Assert.Equal("You: no. 3, 1 point", PointsTexts.English.YourPosition(3, 1));
        Assert.Equal("2. Li 0 points", PointsTexts.English.RankingLine(2, "Li", 0));
        Assert.Equal("Waiting for review: 1 claim (no. 12)", PointsTexts.English.Pending(1, "12"));
    }
}
