namespace ChatReport.Conversation.Domain;

/// <summary>The period a rule's cap applies to; see <see cref="Cycle.PeriodContaining"/> for the exact days.</summary>
public enum CapPeriod
{
    /// <summary>One local day.</summary>
    Day,

    /// <summary>Monday to Sunday.</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A quarter of the cycle.</summary>
    Quarter,

    /// <summary>The whole cycle.</summary>
    Year,
}
