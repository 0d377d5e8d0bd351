using ChatReport.Bot.Authentication;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// Puts what the channel needs in front of routing: WebSocket upgrades for <c>streamUrl</c>, and
/// CORS for the client API so pages on other origins can use it (credentials travel in the
/// Authorization header, never in cookies, so any origin may call).
/// </summary>
public sealed class DirectLineStartupFilter(IOptions<DirectLineOptions> options, BotFrameworkSettings botFramework) : IStartupFilter
{
    private const string AllowedHeaders = "Authorization, Content-Type, x-ms-bot-agent, x-requested-with";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (options.Value.IsEnabled(botFramework))
        {
            app.UseWebSockets();
            app.Use(AllowCrossOriginAsync);
        }

        next(app);
    };

    private static Task AllowCrossOriginAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/v3/directline", StringComparison.OrdinalIgnoreCase)
            || context.Request.Headers.Origin.Count == 0)
        {
            return next(context);
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        if (!HttpMethods.IsOptions(context.Request.Method))
        {
            return next(context);
        }

        headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlMaxAge = "600";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
