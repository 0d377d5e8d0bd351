using ChatReport.Bot.Channels.WeChatCrypto;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>With an AppId the secret and Token are needed, and an EncodingAESKey, if any, must be a real key.</summary>
internal sealed class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrEmpty(options.AppSecret))
        {
            errors.Add("WeChat:AppSecret is required when WeChat:AppId is set.");
        }

        if (string.IsNullOrEmpty(options.Token))
        {
            errors.Add("WeChat:Token is required when WeChat:AppId is set.");
        }

        if (options.SafeMode && !WeChatMessageCrypto.IsValidKey(options.EncodingAESKey))
        {
            errors.Add("WeChat:EncodingAESKey must be the 43-character key from the server configuration, or empty for plaintext mode.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
