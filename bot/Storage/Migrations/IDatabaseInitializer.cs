namespace ChatReport.Bot.Storage.Migrations;

/// <summary>
/// First-start work that needs the migrated schema (default rules, the open cycle, generated
/// secrets). Runs once per start, after migrations, before the first request; must be idempotent.
/// </summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
