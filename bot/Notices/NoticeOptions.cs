using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Notices;

/// <summary>The quarterly notice once signed off: its objection period and the printable copy's font.</summary>
public sealed record NoticeOptions
{
    public const string Section = "Notice";

    /// <summary>
    /// Days the signed-off notice stays open for objections (公示期), counted from the day after
    /// the sign-off; the quarter becomes final at the end of the last day, once no objection is open.
    /// </summary>
    [Range(1, 60)]
    public int ObjectionDays { get; init; } = 7;

    /// <summary>
    /// A Chinese font with TrueType outlines (.ttf, or .ttc whose first face is used) for the PDF
    /// and the charts. Empty: the first of <see cref="NoticeFont.KnownPaths"/> that exists
    /// (Debian's fonts-wqy-microhei, which <c>.ci/run</c> installs, comes first).
    /// </summary>
    public string? FontPath { get; init; }
}
