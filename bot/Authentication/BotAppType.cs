namespace ChatReport.Bot.Authentication;

/// <summary>How the bot proves who it is to the Connector, as the SDK's <c>MicrosoftAppType</c> setting says.</summary>
public enum BotAppType
{
    /// <summary>An app registration usable from any tenant; tokens come from the botframework.com tenant.</summary>
    MultiTenant,

    /// <summary>An app registration of one tenant; tokens come from that tenant.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity: no secret, tokens come from the platform's identity endpoint.</summary>
    UserAssignedMsi,
}
