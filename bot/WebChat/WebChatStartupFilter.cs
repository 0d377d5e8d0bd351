namespace ChatReport.Bot.WebChat;

/// <summary>
/// In front of everything: forwarded headers (so that behind a reverse proxy the client's address
/// and scheme are the real ones, for throttling and for the cookie's Secure flag), then the rate
/// limiter that guards the sign-in endpoint.
/// </summary>
public sealed class WebChatStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseForwardedHeaders();
        app.UseRateLimiter();
        next(app);
    };
}
