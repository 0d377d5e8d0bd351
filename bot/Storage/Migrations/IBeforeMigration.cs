namespace ChatReport.Bot.Storage.Migrations;

/// <summary>
/// Work that must happen before the schema steps touch the file, such as copying it. Runs at every
/// start, before the migrator; throws <see cref="DatabaseStartupException"/> to stop the start.
/// </summary>
public interface IBeforeMigration
{
    Task RunAsync(CancellationToken cancellationToken);
}
