using ChatReport.Bot.Authentication;
using ChatReport.Bot.Hosting;
using ChatReport.Bot.Storage;

var builder = WebApplication.CreateBuilder(args);

// The Bot Framework's usual local port; --urls or ASPNETCORE_URLS override it.
builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration["urls"] ?? "http://localhost:3978");

builder.AddChatReportStorage();
builder.AddChatReportAuthentication();

var app = builder.Build();

app.MapHealthChecks("/healthz");

return await app.RunChatReportAsync();
