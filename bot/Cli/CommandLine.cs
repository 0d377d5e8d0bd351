using ChatReport.Bot.Digests;
using ChatReport.Bot.Storage;

namespace ChatReport.Bot.Cli;

/// <summary>
/// Administrative commands run instead of the web host when the first argument names one
/// (<c>dotnet run --project bot -- export-notice ...</c>). Each command gets its own arguments;
/// anything it does not know is passed on as configuration (<c>--ConnectionStrings:ChatReport=...</c>).
/// </summary>
public static class CommandLine
{
    // Each command reads its arguments first, so a mistyped option is refused before any file is touched.
    private static readonly Dictionary<string, Func<CommandArguments, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>>>> s_commands =
        new(StringComparer.Ordinal)
        {
            [ExportNoticeCommand.Name] = ExportNoticeCommand.Parse,
        };

    public static bool IsCommand(string[] args) => args is [var first, ..] && s_commands.ContainsKey(first);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? errors = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        errors ??= Console.Error;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var arguments = CommandArguments.Parse(args[1..]);
        try
        {
            var command = s_commands[args[0]](arguments);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. arguments.Rest] });
            // Output is for the administrator: warnings only, and on standard error so files piped from standard output stay clean.
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.AddChatReportStorage();
            builder.AddChatReportDigests();
            using var host = builder.Build();
            var database = host.Services.GetRequiredService<SqliteConnectionFactory>().DataSource;
            if (!File.Exists(database))
            {
                await errors.WriteLineAsync($"There is no database at {Path.GetFullPath(database)}; name it with --ConnectionStrings:ChatReport=\"Data Source=FILE\".");
                return 1;
            }

            // The schema must be current; the first-start initializers are the bot's business, not an export's.
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation.Token);
            return await command(host.Services, output, cancellation.Token);
        }
        catch (DatabaseStartupException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (CommandLineException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
