using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// The DingTalk enterprise internal app robot (企业内部应用机器人). The channel is on when
/// <see cref="AppKey"/> is set; then the secret and the robot code are required too.
/// </summary>
public sealed record DingTalkOptions : IValidatableObject
{
    public const string Section = "DingTalk";

    /// <summary>The app's AppKey (ClientId).</summary>
    public string? AppKey { get; init; }

    /// <summary>The app's AppSecret (ClientSecret): signs callbacks and gets the access token.</summary>
    public string? AppSecret { get; init; }

    /// <summary>The robot's code; callbacks for any other robot are refused.</summary>
    public string? RobotCode { get; init; }

    /// <summary>The OpenAPI host (token, robot sends, message files).</summary>
    public Uri ApiBaseUrl { get; init; } = new("https://api.dingtalk.com");

    /// <summary>
    /// The old-style API host: session webhooks and custom robot webhooks must live on it, so a
    /// message or a chat command can never make the bot post somewhere else.
    /// </summary>
    public Uri OapiBaseUrl { get; init; } = new("https://oapi.dingtalk.com");

    /// <summary>Messages per minute to one group (DingTalk allows a robot 20 a minute; more mutes it for 10 minutes).</summary>
    [Range(1, 600)]
    public int GroupMessagesPerMinute { get; init; } = 20;

    /// <summary>Largest picture downloaded and kept as evidence.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxPictureBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How long one call to DingTalk may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrEmpty(AppKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrEmpty(AppSecret))
        {
            yield return new ValidationResult("DingTalk:AppSecret is required when DingTalk:AppKey is set.", [nameof(AppSecret)]);
        }

        if (string.IsNullOrEmpty(RobotCode))
        {
            yield return new ValidationResult("DingTalk:RobotCode is required when DingTalk:AppKey is set.", [nameof(RobotCode)]);
        }

        foreach (var (name, url) in new[] { (nameof(ApiBaseUrl), ApiBaseUrl), (nameof(OapiBaseUrl), OapiBaseUrl) })
        {
            if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                yield return new ValidationResult($"DingTalk:{name} must be an absolute http(s) URL.", [name]);
            }
        }
    }
}
