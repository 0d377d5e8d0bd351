using System.ComponentModel.DataAnnotations;
using ChatReport.Bot.Authentication;

namespace ChatReport.Bot.DirectLine;

/// <summary>The bot's own Direct Line 3.0 channel and its Web Chat page (section <c>DirectLine</c>).</summary>
public sealed record DirectLineOptions : IValidatableObject
{
    public const string Section = "DirectLine";

    /// <summary>On or off; when not set, on exactly when no <c>MicrosoftAppId</c> is configured (a local bot).</summary>
    public bool? Enabled { get; init; }

    /// <summary>
    /// Starts conversations and mints tokens. When empty, a random one is generated on first run and
    /// kept in the <c>settings</c> table, so it survives restarts without anybody choosing one.
    /// </summary>
    public string? Secret { get; init; }

    /// <summary>Lifetime of a token; DirectLineJS refreshes at half of the service's 30 minutes.</summary>
    [Range(120, 86_400)]
    public int TokenLifetimeSeconds { get; init; } = 1800;

    /// <summary>How long a <c>streamUrl</c> may wait before its socket is opened (the service says 60 s).</summary>
    [Range(10, 600)]
    public int StreamUrlLifetimeSeconds { get; init; } = 60;

    /// <summary>Empty frames keep idle sockets (and the proxies between) alive.</summary>
    [Range(1, 600)]
    public int KeepAliveSeconds { get; init; } = 15;

    /// <summary>
    /// On PostgreSQL, how often every open stream reads the history even without an announcement
    /// from another instance: the slow path that heals a notification lost while the listening
    /// connection was down.
    /// </summary>
    [Range(1, 600)]
    public int StreamPollSeconds { get; init; } = 5;

    /// <summary>One serialized activity; the service allows 256 K characters.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; init; } = 256 * 1024;

    /// <summary>One upload request, all files together.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxUploadBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The bot's account as the channel shows it (<c>recipient</c> of what users send).</summary>
    [Required]
    [StringLength(128, MinimumLength = 1)]
    public string BotId { get; init; } = "chatreport";

    [Required]
    [StringLength(128, MinimumLength = 1)]
    public string BotName { get; init; } = "ChatReport";

    /// <summary>Whether the channel runs, given the rest of the configuration.</summary>
    public bool IsEnabled(BotFrameworkSettings settings) => Enabled ?? !settings.IsAuthenticationEnabled;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Anything shorter could be guessed; generated secrets are 43 characters.
        if (!string.IsNullOrEmpty(Secret) && Secret.Length < 16)
        {
            yield return new ValidationResult("DirectLine:Secret must be at least 16 characters (leave it empty to have one generated).", [nameof(Secret)]);
        }
    }
}
