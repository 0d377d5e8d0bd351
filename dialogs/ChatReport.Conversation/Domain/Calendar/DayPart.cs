namespace ChatReport.Conversation.Domain;

/// <summary>
/// A part of the day a member named instead of a time (昨天下午): kept as said, so nobody reads a
/// made-up hour into it.
/// </summary>
public enum DayPart
{
    /// <summary>上午, 早上, in the morning.</summary>
    Morning = 0,

    /// <summary>中午, at noon.</summary>
    Noon = 1,

    /// <summary>下午, in the afternoon.</summary>
    Afternoon = 2,

    /// <summary>晚上, 傍晚, in the evening.</summary>
    Evening = 3,

    /// <summary>夜里, 半夜, at night.</summary>
    Night = 4,
}
