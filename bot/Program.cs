using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage;
using ChatReport.Bot.WebChat;

var builder = WebApplication.CreateBuilder(args);

// The Bot Framework's usual local port; --urls or ASPNETCORE_URLS override it.
builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration["urls"] ?? "http://localhost:3978");

builder.AddChatReportStorage();
builder.AddChatReportDirectLine();

var app = builder.Build();

app.MapHealthChecks("/healthz");
app.MapDirectLine();
app.MapWebChat();

if (!await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping))
{
    return 1;
}

await app.RunAsync();
return 0;
