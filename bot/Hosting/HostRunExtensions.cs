using ChatReport.Bot.Backups;
using ChatReport.Bot.Cli;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Hosting;

public static class HostRunExtensions
{
    /// <summary>
    /// Prepares the database, then runs the command-line command in <paramref name="args"/> and
    /// exits (see <see cref="CliRunner"/>), or serves until shutdown. Configuration and database problems
    /// end the process with one clear log line and exit code 1 instead of a stack trace: the
    /// person reading it is an administrator, not a developer.
    /// </summary>
    public static async Task<int> RunChatReportAsync(this WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatReport");
        try
        {
            // Validate here so a bad setting is one line from us, not the host's stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
            if (await CliRunner.TryRunAsync(app, args, beforeMigrations: true) is { } earlyExitCode)
            {
                return earlyExitCode;
            }

            // The serving lock keeps a restore from replacing a SQLite file under a running bot; a
            // PostgreSQL server has no file to replace.
            var backup = app.Services.GetRequiredService<DatabaseBackup>();
            var database = backup.IsAvailable ? backup.DatabasePath : null;
            using var serving = CliRunner.IsCommand(args) || database is null ? null : ServingLock.TryTake(database, alone: false);
            if (!CliRunner.IsCommand(args) && database is not null && serving is null)
            {
                logger.LogCritical("Cannot start: a restore of {Database} is in progress", database);
                return 1;
            }

            if (!await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping))
            {
                return 1;
            }

            if (await CliRunner.TryRunAsync(app, args) is { } exitCode)
            {
                return exitCode;
            }

            app.Lifetime.ApplicationStarted.Register(() => LogChannels(app, logger));
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            logger.LogCritical("Cannot start, the configuration is invalid: {Reason}", string.Join(" ", ex.Failures));
            return 1;
        }
    }

    // An administrator's first question after start: where can people reach the bot?
    private static void LogChannels(WebApplication app, ILogger logger)
    {
        var address = app.Urls.FirstOrDefault() ?? "http://localhost:3978";
        logger.LogInformation("Bot Framework channels: POST {Address}/api/messages", address);
        if (app.Services.IsDirectLineEnabled())
        {
            logger.LogInformation("Local channel: Direct Line at {DirectLine}, Web Chat at {WebChat}", $"{address}/v3/directline", $"{address}/");
        }
    }
}
