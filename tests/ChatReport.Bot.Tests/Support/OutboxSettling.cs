using ChatReport.Bot.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Support;

/// <summary>
/// Holds each answer to a client's POST until the outbox has delivered what that request's turn
/// committed, so a test reads the fake Connector right after the POST returns, as it could when
/// replies were sent inside the turn. The bot's own Connector endpoints (Direct Line's
/// <c>/directline/</c>) are left alone: the outbox itself calls them.
/// </summary>
public sealed class OutboxSettling : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var dispatcher = app.ApplicationServices.GetRequiredService<OutboxDispatcher>();
        app.Use(async (context, nextAsync) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && !context.Request.Path.StartsWithSegments("/directline", StringComparison.Ordinal))
            {
                context.Response.OnStarting(() => dispatcher.WaitIdleAsync(context.RequestAborted));
            }

            await nextAsync(context);
        });
        next(app);
    };
}
