using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.WebChat;

/// <summary>How people sign in to the Web Chat page (section <c>WebChat</c>).</summary>
public sealed record WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// The old page where the browser picks any user id: a local demo of several people in one
    /// browser. Off by default, and refused at start unless the bot listens on loopback only.
    /// </summary>
    public bool PickIdentity { get; init; }

    /// <summary>How long a browser stays signed in without being used (each visit renews it).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan SignInLifetime { get; init; } = TimeSpan.FromDays(180);

    /// <summary>Sign-in attempts one client address may make per minute (HTTP 429 beyond), before the database's join-code throttle.</summary>
    [Range(1, 10_000)]
    public int SignInPermitsPerMinute { get; init; } = 10;
}
