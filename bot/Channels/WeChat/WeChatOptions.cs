using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>A WeChat Official Account (服务号); the channel is on when <see cref="AppId"/> is set.</summary>
public sealed record WeChatOptions
{
    public const string Section = "WeChat";

    /// <summary>The account's AppID: the receive id of encrypted callbacks.</summary>
    public string? AppId { get; init; }

    public string? AppSecret { get; init; }

    /// <summary>The server configuration's Token.</summary>
    public string? Token { get; init; }

    /// <summary>The 43-character EncodingAESKey for safe (encrypted) mode; empty for plaintext mode.</summary>
    public string? EncodingAESKey { get; init; }

    [Url]
    public string ApiBaseUrl { get; init; } = "https://api.weixin.qq.com";

    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    public bool Enabled => !string.IsNullOrEmpty(AppId);

    public bool SafeMode => !string.IsNullOrEmpty(EncodingAESKey);
}
