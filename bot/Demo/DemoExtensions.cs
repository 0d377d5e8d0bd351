using ChatReport.Bot.Storage.Migrations;

namespace ChatReport.Bot.Demo;

public static class DemoExtensions
{
    /// <summary>A demo branch on a fresh local database, so the Web Chat page is usable at once.</summary>
    public static IHostApplicationBuilder AddChatReportDemo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IDatabaseInitializer, DemoOrganisationInitializer>();
        return builder;
    }
}
