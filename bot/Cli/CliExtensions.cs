namespace ChatReport.Bot.Cli;

public static class CliExtensions
{
    /// <summary>The command-line commands and their dispatcher. Other features add theirs with <c>AddSingleton&lt;ICliCommand, T&gt;()</c>.</summary>
    public static IServiceCollection AddChatReportCli(this IServiceCollection services)
    {
        services.AddSingleton<ICliCommand, CreateBranchCliCommand>();
        services.AddSingleton<ICliCommand, AppointSecretaryCliCommand>();
        services.AddSingleton<ICliCommand, IssueCodeCliCommand>();
        services.AddSingleton<ICliCommand, RevokeCodeCliCommand>();
        services.AddSingleton<ICliCommand, MoveMemberCliCommand>();
        services.AddSingleton<ICliCommand, DeactivateMemberCliCommand>();
        services.AddSingleton<ICliCommand, ReloadRulesCliCommand>();
        services.AddSingleton<ICliCommand, ImportRosterCliCommand>();
        services.AddSingleton<ICliCommand, LearnedWordsCliCommand>();
        services.AddSingleton<RosterImporter>();
        services.AddSingleton<CliCommands>();
        return services;
    }
}
