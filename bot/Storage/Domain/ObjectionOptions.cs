using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>The objection period (公示期) of a signed-off quarterly notice, in the <c>Notice</c> section.</summary>
public sealed record ObjectionOptions
{
    public const string Section = "Notice";

    /// <summary>
    /// Days the signed-off notice stays open for objections, counted from the day after the
    /// sign-off; the quarter becomes final at the end of the last day, once no objection is open.
    /// </summary>
    [Range(1, 60)]
    public int ObjectionDays { get; init; } = 7;
}
