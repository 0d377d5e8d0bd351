using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>A WeCom self-built app (自建应用); the channel is on when <see cref="CorpId"/> is set.</summary>
public sealed record WeComOptions
{
    public const string Section = "WeCom";

    /// <summary>企业ID: the receive id every callback is encrypted for.</summary>
    public string? CorpId { get; init; }

    public int AgentId { get; init; }

    /// <summary>The app's Secret, for <c>gettoken</c>.</summary>
    public string? Secret { get; init; }

    /// <summary>The callback Token (接收消息 → 设置API接收).</summary>
    public string? Token { get; init; }

    /// <summary>The callback EncodingAESKey, 43 characters.</summary>
    public string? EncodingAESKey { get; init; }

    /// <summary>The API host; tests point it at a local stub.</summary>
    [Url]
    public string ApiBaseUrl { get; init; } = "https://qyapi.weixin.qq.com";

    /// <summary>How far a callback's signed timestamp may be from our clock before it is taken for a replay.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A group robot takes 20 messages a minute; more and it refuses for a while.</summary>
    [Range(1, 20)]
    public int RobotMessagesPerMinute { get; init; } = 20;

    public bool Enabled => !string.IsNullOrEmpty(CorpId);
}
