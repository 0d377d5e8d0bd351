using ChatReport.Bot.Authentication;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Hosting;
using ChatReport.Bot.Storage;

// Administrative commands (export-notice …) run instead of the web host.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

// The Bot Framework's usual local port; --urls or ASPNETCORE_URLS override it.
builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration["urls"] ?? "http://localhost:3978");

builder.AddChatReportStorage();
builder.AddChatReportAuthentication();
builder.AddChatReportDigests();

var app = builder.Build();

app.MapHealthChecks("/healthz");

return await app.RunChatReportAsync();
