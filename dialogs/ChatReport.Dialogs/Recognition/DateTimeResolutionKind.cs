namespace ChatReport.Dialogs.Recognition;

/// <summary>What a recognized date/time expression stands for.</summary>
public enum DateTimeResolutionKind
{
    /// <summary>A calendar day (上周六, 10月8日): <see cref="DateTimeResolution.Start"/> is its midnight.</summary>
    Date = 0,

    /// <summary>A moment (昨天下午三点).</summary>
    DateTime = 1,

    /// <summary>A time of day without a day (下午3点): <see cref="DateTimeResolution.Start"/> is that time today.</summary>
    Time = 2,

    /// <summary>A span of days (上周, 上季度): <see cref="DateTimeResolution.End"/> is exclusive.</summary>
    DateRange = 3,

    /// <summary>A span within days (昨天下午, 上周六上午9点到11点).</summary>
    DateTimeRange = 4,

    /// <summary>A span of times of day without a day.</summary>
    TimeRange = 5,

    /// <summary>A length of time (两个小时): only <see cref="DateTimeResolution.Duration"/> is set.</summary>
    Duration = 6,
}
