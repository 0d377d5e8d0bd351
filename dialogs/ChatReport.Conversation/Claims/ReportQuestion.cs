namespace ChatReport.Conversation.Claims;

/// <summary>One thing the report dialog may ask, each behind a small dialog of its own.</summary>
public enum ReportQuestion
{
    /// <summary>Which field the member wants to change.</summary>
    Field = 0,

    /// <summary>What was done.</summary>
    What = 1,

    /// <summary>Which day (and when in it).</summary>
    When = 2,

    /// <summary>Where.</summary>
    Where = 3,

    /// <summary>Which rule.</summary>
    Rule = 4,

    /// <summary>How many points.</summary>
    Points = 5,

    /// <summary>Whether to claim only what the rule's cap still allows.</summary>
    Cap = 6,

    /// <summary>Whether to claim the rule again on the same day, and why.</summary>
    SameDay = 7,

    /// <summary>A photo.</summary>
    Photo = 8,
}
