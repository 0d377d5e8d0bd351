using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// On the first start (no rules yet) loads the rules file, so a fresh installation works with
/// the shipped defaults or the administrator's own file. Later edits go through a reload.
/// </summary>
public sealed class DefaultRulesInitializer(
    DbConnectionFactory connections,
    RuleStore rules,
    IOptions<RulesOptions> options,
    ILogger<DefaultRulesInitializer> logger) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var lease = await connections.UseAsync(cancellationToken))
        {
            var connection = lease.Connection;
            if (!await RuleStore.IsEmptyAsync(connection, cancellationToken))
            {
                return;
            }
        }

        var path = options.Value.ResolvedPath;
        var (definitions, errors) = await RulesFile.ReadAsync(path, cancellationToken);
        if (errors.Count > 0)
        {
            throw new DatabaseStartupException($"The point rules cannot be loaded from '{path}': {string.Join(" ", errors)}");
        }

        var result = await rules.ApplyAsync(path, definitions, actorId: null, cancellationToken);
        logger.LogInformation("Loaded {Count} point rules from {Path}", result.Added.Count, path);
    }
}
