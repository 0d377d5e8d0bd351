using ChatReport.Bot.Storage.Domain;

namespace ChatReport.Bot.Notices;

/// <summary>The printable notice's font (the objection period is <see cref="ObjectionOptions"/>, in the same section).</summary>
public sealed record NoticeOptions
{
    public const string Section = "Notice";

    /// <summary>
    /// A Chinese font with TrueType outlines (.ttf, or .ttc whose first face is used) for the PDF
    /// and the charts. Empty: the first of <see cref="NoticeFont.KnownPaths"/> that exists
    /// (Debian's fonts-wqy-microhei, which <c>.ci/run</c> installs, comes first).
    /// </summary>
    public string? FontPath { get; init; }
}
