using ChatReport.Bot.Cli;

namespace ChatReport.Bot.Teams;

public static class TeamsExtensions
{
    /// <summary>The <c>teams-package</c> command, which builds the app package to upload to Teams.</summary>
    public static IHostApplicationBuilder AddChatReportTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ICliCommand, TeamsPackageCliCommand>();
        return builder;
    }
}
