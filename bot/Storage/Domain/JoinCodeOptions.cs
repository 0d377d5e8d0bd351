using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>Throttling of join-code guesses, and how long codes issued in chat work.</summary>
public sealed record JoinCodeOptions
{
    public const string Section = "JoinCodes";

    /// <summary>Wrong codes one account (or, on the sign-in page, one client address) may try per window.</summary>
    [Range(1, 1000)]
    public int MaxFailuresPerAccount { get; init; } = 5;

    /// <summary>
    /// Wrong codes one channel or tenant may try per window, whatever the number of accounts: what
    /// stops a guesser with many accounts. Reaching it delays everyone's joining there until the
    /// window passes, so it sits well above what a branch meeting produces by mistyping.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFailuresPerTenant { get; init; } = 30;

    /// <summary>How long failures are remembered.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>How long join and personal codes issued in chat work.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan ChatCodeLifetime { get; init; } = TimeSpan.FromDays(30);
}
