using ChatReport.Conversation.Claims;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Tests.Claims;

/// <summary>Report sentences as members write them, against the shipped rules; now is Thursday 2026-11-26 10:00 in Shanghai.</summary>
public sealed class DeedSentenceParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeZoneInfo Shanghai = UserLocale.FindTimeZone(UserLocale.DefaultTimeZoneId);

    // sentence, date (yyyy-MM-dd), place (null: none), rule code (null: ask), points (explicit, else the rule's default)
    public static TheoryData<string, string, string?, string?, int?> Sentences => new()
    {
        { "昨天下午在村口带头扫雪两个小时", "2026-11-25", "村口", "snow_clearing", 1 },
        { "前天在山岔村给村民义务理发", "2026-11-24", "山岔村", "free_haircut", 5 },
        { "10月8日在山岔村为村民义务理发，加20分", "2026-10-08", "山岔村", "free_haircut", 20 },
        { "昨天上午在便民服务站值班", "2026-11-25", "便民服务站", "service_station_duty", 2 },
        { "今天早上在村委会门口扫雪", "2026-11-26", "村委会门口", "snow_clearing", 1 },
        { "上周六在敬老院做志愿服务", "2026-11-21", "敬老院", "volunteer_service", 2 },
        { "昨天去看望了生病的王大爷", "2026-11-25", null, "home_help", 2 },
        { "前天在李家帮忙办红白喜事", "2026-11-24", "李家", "home_help", 2 },
        { "昨天晚上在村部调解邻里纠纷", "2026-11-25", "村部", "home_help", 2 },
        { "昨天参加了支部党员大会", "2026-11-25", null, "party_meeting", 1 },
        { "11月16号参加主题党日活动", "2026-11-16", null, "party_day", 2 },
        { "11月20日在村里修路，义务劳动三个小时", "2026-11-20", "村里", "voluntary_labour", 2 },
        { "昨天在文化广场清理垃圾", "2026-11-25", "文化广场", "voluntary_labour", 2 },
        { "这季度一直保持绿化卫生责任区干净", "2026-10-01", null, "greening_zone", 10 },
        { "昨天認領了群眾的微心願，幫五保戶買藥", "2026-11-25", null, "residents_need", 3 },
        { "昨天下午在村口帶頭掃雪", "2026-11-25", "村口", "snow_clearing", 1 },
        { "前天在山岔村義務理髮", "2026-11-24", "山岔村", "free_haircut", 5 },
        { "上週六在敬老院做志願服務", "2026-11-21", "敬老院", "volunteer_service", 2 },
        { "昨天在村口公益岗位站岗", "2026-11-25", "村口", "public_welfare_post", 2 },
        { "昨天帮邻居家清理积雪", "2026-11-25", null, "snow_clearing", 1 },
        { "我昨天参加了三会一课", "2026-11-25", null, "party_meeting", 1 },
        { "昨天在党员活动室听党课", "2026-11-25", "党员活动室", "party_meeting", 1 },
        { "本周一做了一件好人好事，扶老人过马路", "2026-11-23", null, "weekly_good_deed", 1 },
        { "周行一善：昨天帮邻居修好了水管", "2026-11-25", null, "weekly_good_deed", 1 },
        { "昨天在便民服务站当志愿者", "2026-11-25", "便民服务站", null, null },
        { "昨天下午3点20分在村口扫雪", "2026-11-25", "村口", "snow_clearing", 1 },
        { "前天在村口扫雪二十分钟", "2026-11-24", "村口", "snow_clearing", 1 },
        { "申报义务理发二十分，10月8日在山岔村", "2026-10-08", "山岔村", "free_haircut", 20 },
        { "昨天在网格党支部值班", "2026-11-25", "网格党支部", "service_station_duty", 2 },
        { "大前天在三门峡市卢氏县潘河乡山岔村义务理发", "2026-11-23", "三门峡市卢氏县潘河乡山岔村", "free_haircut", 5 },
        { "昨天在卢氏县城帮扶困难户", "2026-11-25", "卢氏县城", "home_help", 2 },
        { "10月8号在村里给老人理发", "2026-10-08", "村里", "free_haircut", 5 },
        { "今天上午在村口铲雪", "2026-11-26", "村口", "snow_clearing", 1 },
        { "上个月15号参加了党员大会", "2026-10-15", null, "party_meeting", 1 },
        { "11月1日在社区服务中心做志愿者", "2026-11-01", "社区服务中心", "volunteer_service", 2 },
        { "昨天给村里的五保户送米送面，上门帮扶", "2026-11-25", null, "home_help", 2 },
        { "前天晚上在村广场组织广场舞志愿服务", "2026-11-24", "村广场", "volunteer_service", 2 },
        { "上周三在学校门口执勤", "2026-11-18", "学校门口", null, null },
        { "我昨天在村里打扫卫生", "2026-11-25", "村里", null, null },
        { "昨天在河边捡垃圾", "2026-11-25", "河边", "voluntary_labour", 2 },
        { "俺昨天在村东头帮着扫雪嘞", "2026-11-25", "村东头", "snow_clearing", 1 },
        { "前天到敬老院做志愿者", "2026-11-24", "敬老院", "volunteer_service", 2 },
        { "上季度义务理发，书记说加20分", "2026-07-01", null, "free_haircut", 20 },
        { "我于昨天在村委会参加支部大会", "2026-11-25", "村委会", "party_meeting", 1 },
        { "昨天后晌在村口扫雪", "2026-11-25", "村口", "snow_clearing", 1 },
        { "１１月２０日在村口扫雪，加１分", "2026-11-20", "村口", "snow_clearing", 1 },
        { "昨天在村口給鄉親們義務理髮，二十分", "2026-11-25", "村口", "free_haircut", 20 },
        // The place as the member wrote it, in their script.
        { "上周六在村委會參加黨員大會", "2026-11-21", "村委會", "party_meeting", 1 },
        { "cleared snow at the village gate yesterday afternoon", "2026-11-25", "village gate", "snow_clearing", 1 },
        { "Gave free haircuts in the village square on Oct 8, 20 points", "2026-10-08", "village square", "free_haircut", 20 },
        { "volunteered at the service station yesterday", "2026-11-25", "service station", null, null },
        { "attended the party meeting last Saturday", "2026-11-21", null, "party_meeting", 1 },
        { "visited a sick neighbour at home yesterday", "2026-11-25", "home", "home_help", 2 },
        { "I did a good deed today: helped an old man cross the road", "2026-11-26", null, "weekly_good_deed", 1 },
        { "Mediated a dispute between neighbours in the village yesterday", "2026-11-25", "village", "home_help", 2 },
        { "Cleaned up the river bank on Nov 20", "2026-11-20", null, "voluntary_labour", 2 },
        { "yesterday I cleared snow at the school gate for two hours", "2026-11-25", "school gate", "snow_clearing", 1 },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void AReportSentenceYieldsItsDatePlaceRuleAndPoints(string sentence, string date, string? place, string? rule, int? points)
    {
        var locale = TextNormalizerLocale(sentence);

        var parsed = DeedSentenceParser.Parse(sentence, DefaultRules.All, locale, Now);

        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), parsed.When?.Date);
        Assert.Equal(place, parsed.Place);
        Assert.Equal(rule, parsed.Rule?.Code);
        Assert.Equal(points, parsed.Points ?? parsed.Rule?.DefaultPoints);
        Assert.False(string.IsNullOrWhiteSpace(parsed.What));
    }

    [Fact]
    public void TwoRulesNamedEquallyAreBothOfferedAndNoneIsChosen()
    {
        var parsed = DeedSentenceParser.Parse("昨天在便民服务站当志愿者", DefaultRules.All, UserLocale.Chinese(Shanghai), Now);

        Assert.Null(parsed.Rule);
        Assert.Equal(["service_station_duty", "volunteer_service"], parsed.Rules.Select(r => r.Code).Order());
    }

    [Fact]
    public void TheDateAndPointsAreLeftOutOfWhatWasDone()
    {
        var parsed = DeedSentenceParser.Parse("10月8日在山岔村为村民义务理发，加20分", DefaultRules.All, UserLocale.Chinese(Shanghai), Now);

        Assert.Equal("在山岔村为村民义务理发", parsed.What);
    }

    [Theory]
    [InlineData("昨天下午在村口扫雪", true)]
    [InlineData("前天帮邻居搬家了", true)]
    [InlineData("你好", false)]
    [InlineData("今天天气不错", false)]
    [InlineData("cleared snow yesterday", true)]
    public void OnlyATextThatReadsLikeADeedStartsAReport(string text, bool expected)
    {
        Assert.Equal(expected, DeedSentenceParser.LooksLikeDeed(text, DefaultRules.All, TextNormalizerLocale(text), Now));
    }

    private static UserLocale TextNormalizerLocale(string text) =>
        UserLocale.FromText(text) == ReplyLanguage.English ? UserLocale.English(Shanghai) : UserLocale.Chinese(Shanghai);
}
