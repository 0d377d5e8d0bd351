using ChatReport.Bot.Authentication;
using ChatReport.Bot.Backups;
using ChatReport.Bot.Channels.DingTalk;
using ChatReport.Bot.Channels.Media;
using ChatReport.Bot.Channels.WeChat;
using ChatReport.Bot.Channels.WeCom;
using ChatReport.Bot.Conversation;
using ChatReport.Bot.Demo;
using ChatReport.Bot.Digests;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Health;
using ChatReport.Bot.Hosting;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Metrics;
using ChatReport.Bot.Notifications;
using ChatReport.Bot.Storage;
using ChatReport.Bot.WebChat;

var builder = WebApplication.CreateBuilder(args);

// The Bot Framework's usual local port; --urls or ASPNETCORE_URLS override it.
builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration["urls"] ?? "http://localhost:3978");

builder.AddChatReportStorage();
builder.AddChatReportBackups();
builder.AddChatReportHealth();
builder.AddChatReportMetrics();
builder.AddChatReportAuthentication();
builder.AddChatReportConversation();
builder.AddChatReportSecretary();
builder.AddChatReportAdministration();
builder.AddChatReportNotifications();
builder.AddChatReportMessaging();
builder.AddChatReportDirectLine();
builder.AddChatReportWebChat();
builder.AddChatReportDemo();
builder.AddChatReportDigests();
builder.AddChatReportGroups();
builder.AddChatReportDingTalk();
builder.AddChatReportWeCom();
builder.AddChatReportWeChat();

var app = builder.Build();

app.UseChatReportMetrics();
app.MapChatReportHealth();
app.MapBotMessages();
app.MapDirectLine();
app.MapWebChat();
app.MapDingTalkWhenEnabled();
app.MapWeCom();
app.MapWeChat();
app.MapChannelMedia();

return await app.RunChatReportAsync(args);
