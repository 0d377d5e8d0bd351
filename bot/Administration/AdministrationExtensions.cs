using ChatReport.Bot.Cli;
using ChatReport.Bot.Conversation;
using ChatReport.Bot.Storage.Migrations;
using ChatReport.Conversation.Administration;
using ChatReport.Conversation.Commands;

namespace ChatReport.Bot.Administration;

public static class AdministrationExtensions
{
    /// <summary>
    /// Administration: the configured administrators (set up at every start), the chat commands
    /// (matched in <see cref="ChatCommandOrder"/>) and the command line.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportAdministration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AdministrationOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                // Bound by hand: the list lives at the configuration root, next to the SDK's settings.
                var section = configuration.GetSection(AdministrationOptions.AdministratorsSection);
                options.Administrators = [.. section.GetChildren().Select(c => c.Value).Append(section.Value).OfType<string>().Where(v => v.Length > 0)];
                options.RootName = configuration[AdministrationOptions.RootNameKey] ?? AdministrationOptions.DefaultRootName;
            })
            .Validate(o => o.Administrators.All(a => AdministrationOptions.ParseAccount(a) is not null), "Every Administrators entry must be channelId:userId, for example msteams:29:1abc.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.RootName), "Organisation:RootName must not be empty.")
            .ValidateOnStart();
        services.AddSingleton<IDatabaseInitializer, AdministratorsInitializer>();

        services.AddSingleton<FindUnitDialog>();
        services.AddSingleton<FindMemberDialog>();
        services.AddSingleton<CreateUnitDialog>();
        services.AddSingleton<AppointSecretaryDialog>();
        services.AddSingleton<AllowReviewDialog>();
        services.AddSingleton<IssueCodeDialog>();
        services.AddSingleton<PersonalCodeDialog>();
        services.AddSingleton<RevokeCodeDialog>();
        services.AddSingleton<MoveMemberDialog>();
        services.AddSingleton<DeactivateMemberDialog>();
        services.AddSingleton<ReloadRulesDialog>();

        services.AddSingleton<IChatCommand, CreateUnitCommand>();
        services.AddSingleton<IChatCommand, AppointSecretaryCommand>();
        services.AddSingleton<IChatCommand, AllowReviewCommand>();
        services.AddSingleton<IChatCommand, IssueCodeCommand>();
        services.AddSingleton<IChatCommand, PersonalCodeCommand>();
        services.AddSingleton<IChatCommand, RevokeCodeCommand>();
        services.AddSingleton<IChatCommand, MoveMemberCommand>();
        services.AddSingleton<IChatCommand, DeactivateMemberCommand>();
        services.AddSingleton<IChatCommand, ReloadRulesCommand>();

        services.AddChatReportCli();
        return builder;
    }
}
