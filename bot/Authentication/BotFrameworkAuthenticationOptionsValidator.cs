using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Authentication;

/// <summary>The rules span several keys (SingleTenant needs a tenant, a managed identity no password), so data annotations cannot say them.</summary>
internal sealed class BotFrameworkAuthenticationOptionsValidator : IValidateOptions<BotFrameworkAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkAuthenticationOptions options)
    {
        var errors = BotFrameworkSettings.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
