using ChatReport.Bench.Digests;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Extensions.Options;

// dotnet run -c Release --project bench -- [generate|measure|all] --db FILE --members N --branches N --entries N [--postgres CONN]
var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var settings = BenchSettings.Parse(args);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (command is "generate" or "all")
{
    if (File.Exists(settings.DatabasePath))
    {
        Console.Error.WriteLine($"{settings.DatabasePath} exists; delete it to generate again.");
        return 2;
    }

    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.DatabasePath))!);
    Console.WriteLine($"Generating {settings.Members:N0} members in {settings.Branches:N0} branches, ≥ {settings.Entries:N0} ledger entries into {settings.DatabasePath}");
    await new Generator(settings, Console.Out).GenerateAsync(cancellation.Token);
}

if (command is "measure" or "all")
{
    if (settings.PostgreSql is null)
    {
        var sqlite = new SqliteConnectionFactory($"Data Source={settings.DatabasePath}", Options.Create(new StorageOptions()));
        await new Measurements(settings, sqlite, Console.Out).RunAsync(cancellation.Token);
    }
    else
    {
        if (!await new PostgreSqlCity(settings, Console.Out).PrepareAsync(mustBeNew: command == "all", cancellation.Token))
        {
            return 2;
        }

        await using var postgreSql = new PostgreSqlConnectionFactory(settings.PostgreSql);
        await new Measurements(settings, postgreSql, Console.Out).RunAsync(cancellation.Token);
    }
}

return 0;
