namespace ChatReport.Conversation.Claims;

/// <summary>A part of a report the member may be asked for (or asked to change), in the order asked.</summary>
public enum ReportField
{
    /// <summary>What was done.</summary>
    What = 0,

    /// <summary>Which day (and when in it).</summary>
    When = 1,

    /// <summary>Where.</summary>
    Where = 2,

    /// <summary>Which rule.</summary>
    Rule = 3,

    /// <summary>How many points (only when the member asked to change them).</summary>
    Points = 4,

    /// <summary>A photo.</summary>
    Photo = 5,
}
