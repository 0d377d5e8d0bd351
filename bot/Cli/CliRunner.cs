namespace ChatReport.Bot.Cli;

public static class CliRunner
{
    /// <summary>
    /// Runs a command-line command when the first argument names one (no leading dash and no '=',
    /// which are the host's own settings such as <c>--urls</c> or <c>urls=…</c>); returns its exit
    /// code, or null when the host should serve as usual (or, with <paramref name="beforeMigrations"/>,
    /// when the command is not one that runs on the unmigrated file). Call with true before the
    /// database is prepared and with false after.
    /// </summary>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args, bool beforeMigrations = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!IsCommand(args) || (beforeMigrations && !app.Services.GetRequiredService<CliCommands>().RunsBeforeMigrations(args)))
        {
            return null;
        }

        return await app.Services.GetRequiredService<CliCommands>().RunAsync(args, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);
    }

    public static bool IsCommand(string[]? args) =>
        args is [var first, ..] && first.Length > 0 && first[0] != '-' && first[0] != '/' && !first.Contains('=', StringComparison.Ordinal);
}
