using ChatReport.Bot.Administration;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Backups;
using ChatReport.Bot.Channels.DingTalk;
using ChatReport.Bot.Channels.Media;
using ChatReport.Bot.Channels.WeChat;
using ChatReport.Bot.Channels.WeCom;
using ChatReport.Bot.Charts;
using ChatReport.Bot.Conversation;
using ChatReport.Bot.Demo;
using ChatReport.Bot.Digests;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Groups;
using ChatReport.Bot.Health;
using ChatReport.Bot.Hosting;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Metrics;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Notifications;
using ChatReport.Bot.PostgreSqlExport;
using ChatReport.Bot.Proactive;
using ChatReport.Bot.Storage;
using ChatReport.Bot.Teams;
using ChatReport.Bot.WebChat;

var builder = WebApplication.CreateBuilder(args);

// The Bot Framework's usual local port; --urls or ASPNETCORE_URLS override it.
builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, builder.Configuration["urls"] ?? "http://localhost:3978");

builder.AddChatReportStorage();
builder.AddChatReportBackups();
builder.AddChatReportPostgreSqlExport();
builder.AddChatReportHealth();
builder.AddChatReportMetrics();
builder.AddChatReportAuthentication();
builder.AddChatReportConversation();
builder.AddChatReportSecretary();
builder.AddChatReportAdministration();
builder.AddChatReportNotifications();
builder.AddChatReportMessaging();
builder.AddChatReportProactive();
builder.AddChatReportDirectLine();
builder.AddChatReportWebChat();
builder.AddChatReportDemo();
builder.AddChatReportDigests();
builder.AddChatReportNotices();
builder.AddChatReportCharts();
builder.AddChatReportGroups();
builder.AddChatReportTeams();
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
