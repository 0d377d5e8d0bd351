using ChatReport.Bot.Channels.WeChatCrypto;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>With a CorpId every other key is needed, and the EncodingAESKey must be a real key: failing at start beats failing on the first callback.</summary>
internal sealed class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.AgentId <= 0)
        {
            errors.Add("WeCom:AgentId must be the app's AgentId (a positive number).");
        }

        if (string.IsNullOrEmpty(options.Secret))
        {
            errors.Add("WeCom:Secret is required when WeCom:CorpId is set.");
        }

        if (string.IsNullOrEmpty(options.Token))
        {
            errors.Add("WeCom:Token is required when WeCom:CorpId is set.");
        }

        if (!WeChatMessageCrypto.IsValidKey(options.EncodingAESKey))
        {
            errors.Add("WeCom:EncodingAESKey must be the 43-character key set on the app's callback page.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
