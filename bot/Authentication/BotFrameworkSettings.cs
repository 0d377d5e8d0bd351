namespace ChatReport.Bot.Authentication;

/// <summary>
/// The authentication values actually in force: the options with the SDK's defaults for the
/// configured cloud filled in. Built only from options that <see cref="Validate"/> accepted.
/// A class, not a record, so that no generated ToString can print the secrets it holds.
/// </summary>
public sealed class BotFrameworkSettings
{
    public const string GovernmentChannelService = "https://botframework.azure.us";

    /// <summary>The app id the SDK uses for a caller without credentials; such a bot has no token to send.</summary>
    public const string AnonymousSkillAppId = "AnonymousSkill";

    public const string ImdsTokenEndpoint = "http://169.254.169.254/metadata/identity/oauth2/token";

    private const string DefaultSuffix = "/.default";

    private static readonly Dictionary<string, BotAppType> AppTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MultiTenant"] = BotAppType.MultiTenant,
        ["SingleTenant"] = BotAppType.SingleTenant,
        ["UserAssignedMSI"] = BotAppType.UserAssignedMsi,
    };

    public string? AppId { get; private init; }

    public string? AppPassword { get; private init; }

    public BotAppType AppType { get; private init; }

    public string? TenantId { get; private init; }

    public bool IsGovernment { get; private init; }

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The SDK sends no token at all for these, so neither do we.</summary>
    public bool HasOutboundCredentials => IsAuthenticationEnabled && !string.Equals(AppId, AnonymousSkillAppId, StringComparison.Ordinal);

    public required Uri ChannelOpenIdMetadataUrl { get; init; }

    public required string ChannelTokenIssuer { get; init; }

    public required Uri EmulatorOpenIdMetadataUrl { get; init; }

    /// <summary>The client-credentials endpoint: the login URL followed by <c>/oauth2/v2.0/token</c>.</summary>
    public required Uri TokenEndpoint { get; init; }

    /// <summary>The resource, without <c>/.default</c>.</summary>
    public required string OAuthScope { get; init; }

    public string OAuthScopeDefault => OAuthScope + DefaultSuffix;

    /// <summary>What the SDK stamps as <c>callerId</c> on activities from a channel of this cloud.</summary>
    public required string CallerId { get; init; }

    public required IReadOnlyList<string> RequiredEndorsements { get; init; }

    /// <summary>App Service's identity endpoint and its secret header, when both are present.</summary>
    public (Uri Endpoint, string Header)? AppServiceIdentity { get; private init; }

    public required Uri ImdsEndpoint { get; init; }

    /// <summary>Everything wrong with the options, in words an administrator can act on; empty when they can be used.</summary>
    public static IReadOnlyList<string> Validate(BotFrameworkAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.MicrosoftAppId is { Length: > 0 } blankId && string.IsNullOrWhiteSpace(blankId))
        {
            // Refused rather than read as empty: a value that is only spaces is a slip (a pasted
            // secret went missing), and quietly running with authentication off would hide it.
            errors.Add("MicrosoftAppId is only white space; remove it to run without authentication, or set the bot's app id.");
        }

        var hasId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        BotAppType appType = BotAppType.MultiTenant;
        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppType) && !AppTypes.TryGetValue(options.MicrosoftAppType.Trim(), out appType))
        {
            // The SDK silently falls back to MultiTenant; a typo would then surface as an opaque token failure in production.
            errors.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        switch (appType)
        {
            case BotAppType.MultiTenant when !hasId && hasPassword:
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty, which would turn authentication off; set both or neither.");
                break;
            case BotAppType.MultiTenant when hasId && !hasPassword && options.MicrosoftAppId != AnonymousSkillAppId:
                errors.Add("MicrosoftAppId is set but MicrosoftAppPassword is empty; a MultiTenant bot needs both.");
                break;
            case BotAppType.SingleTenant when !hasId || !hasPassword || !hasTenant:
                errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId.");
                break;
            case BotAppType.UserAssignedMsi when !hasId || !hasTenant:
                errors.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppId (the managed identity's client id) and MicrosoftAppTenantId.");
                break;
            case BotAppType.UserAssignedMsi when hasPassword:
                errors.Add("MicrosoftAppType UserAssignedMSI takes no MicrosoftAppPassword; remove it.");
                break;
        }

        if (!string.IsNullOrWhiteSpace(options.ChannelService)
            && !string.Equals(options.ChannelService.Trim().TrimEnd('/'), GovernmentChannelService, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"ChannelService '{options.ChannelService}' is not supported: leave it empty for the public cloud or set {GovernmentChannelService}.");
        }

        CheckMetadataUrl(errors, nameof(options.BotOpenIdMetadata), options.BotOpenIdMetadata);
        CheckMetadataUrl(errors, nameof(options.ToBotFromChannelOpenIdMetadataUrl), options.ToBotFromChannelOpenIdMetadataUrl);
        CheckMetadataUrl(errors, nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), options.ToBotFromEmulatorOpenIdMetadataUrl);
        CheckMetadataUrl(errors, nameof(options.ToChannelFromBotLoginUrl), options.ToChannelFromBotLoginUrl);
        CheckAbsoluteUrl(errors, "IDENTITY_ENDPOINT", options.IdentityEndpoint);
        CheckAbsoluteUrl(errors, nameof(options.ManagedIdentityTokenEndpoint), options.ManagedIdentityTokenEndpoint);

        if (options.ToBotFromChannelTokenIssuer is { } issuer && string.IsNullOrWhiteSpace(issuer))
        {
            errors.Add("ToBotFromChannelTokenIssuer is blank; remove it to use the default.");
        }

        if (options.ToChannelFromBotOAuthScope is { } scope && string.IsNullOrWhiteSpace(scope))
        {
            errors.Add("ToChannelFromBotOAuthScope is blank; remove it to use the default.");
        }

        if (options.RequiredEndorsements.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("RequiredEndorsements contains a blank entry.");
        }

        return errors;
    }

    /// <summary>Fills in the defaults. Throws when <see cref="Validate"/> would report errors.</summary>
    public static BotFrameworkSettings From(BotFrameworkAuthenticationOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        var appType = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? BotAppType.MultiTenant : AppTypes[options.MicrosoftAppType.Trim()];
        var isGovernment = !string.IsNullOrWhiteSpace(options.ChannelService);
        var tenant = appType == BotAppType.MultiTenant ? null : options.MicrosoftAppTenantId?.Trim();

        // Like the SDK: the default authority depends on the tenant, an explicit one is used as given.
        var loginUrl = NullIfBlank(options.ToChannelFromBotLoginUrl)
            ?? (isGovernment
                ? $"https://login.microsoftonline.us/{tenant ?? "MicrosoftServices.onmicrosoft.us"}"
                : $"https://login.microsoftonline.com/{tenant ?? "botframework.com"}");

        var scope = NullIfBlank(options.ToChannelFromBotOAuthScope)
            ?? (isGovernment ? "https://api.botframework.us" : "https://api.botframework.com");
        if (scope.EndsWith(DefaultSuffix, StringComparison.OrdinalIgnoreCase))
        {
            scope = scope[..^DefaultSuffix.Length];
        }

        var identityEndpoint = NullIfBlank(options.IdentityEndpoint);
        var identityHeader = NullIfBlank(options.IdentityHeader);

        return new BotFrameworkSettings
        {
            AppId = NullIfBlank(options.MicrosoftAppId),
            AppPassword = NullIfBlank(options.MicrosoftAppPassword),
            AppType = appType,
            TenantId = NullIfBlank(options.MicrosoftAppTenantId),
            IsGovernment = isGovernment,
            ChannelOpenIdMetadataUrl = new Uri(
                NullIfBlank(options.ToBotFromChannelOpenIdMetadataUrl)
                ?? NullIfBlank(options.BotOpenIdMetadata)
                ?? (isGovernment
                    ? "https://login.botframework.azure.us/v1/.well-known/openidconfiguration"
                    : "https://login.botframework.com/v1/.well-known/openidconfiguration")),
            ChannelTokenIssuer = NullIfBlank(options.ToBotFromChannelTokenIssuer)
                ?? (isGovernment ? "https://api.botframework.us" : "https://api.botframework.com"),
            EmulatorOpenIdMetadataUrl = new Uri(
                NullIfBlank(options.ToBotFromEmulatorOpenIdMetadataUrl)
                ?? (isGovernment
                    ? "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration"
                    : "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration")),
            TokenEndpoint = new Uri(loginUrl.TrimEnd('/') + "/oauth2/v2.0/token"),
            OAuthScope = scope,
            CallerId = isGovernment ? "urn:botframework:azureusgov" : "urn:botframework:azure",
            RequiredEndorsements = options.RequiredEndorsements.Select(e => e.Trim()).ToArray(),
            AppServiceIdentity = identityEndpoint is not null && identityHeader is not null
                ? (new Uri(identityEndpoint), identityHeader)
                : null,
            ImdsEndpoint = new Uri(NullIfBlank(options.ManagedIdentityTokenEndpoint) ?? ImdsTokenEndpoint),
        };
    }

    /// <summary>Plain http is for tests against a local fake only: keys and tokens must never travel in clear.</summary>
    public static bool IsAllowedMetadataAddress(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsAbsoluteUri
            && (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback));
    }

    private static void CheckMetadataUrl(List<string> errors, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !IsAllowedMetadataAddress(uri))
        {
            errors.Add($"{key} '{value}' must be an absolute https URL (plain http only on a loopback address).");
        }
    }

    private static void CheckAbsoluteUrl(List<string> errors, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{key} '{value}' must be an absolute http(s) URL.");
        }
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
