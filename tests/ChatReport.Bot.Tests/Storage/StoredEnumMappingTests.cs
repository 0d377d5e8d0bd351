using ChatReport.Conversation.Domain;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>
/// Enums go through Dapper as their snake_case names (one handler per enum, Dapper's
/// PreferTypeHandlersForEnums): what the file holds, and what an unknown name does.
/// </summary>
public sealed class StoredEnumMappingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStoreWritesTheSnakeCaseNameAndReadsItBack()
    {
        using var db = new TestDatabase();
        var stores = await Stores.CreateAsync(db);

        var unit = await stores.Units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.GeneralBranch, "山岔村党总支"), null, Ct);

        await using var connection = new SqliteConnection($"Data Source={db.Path}");
        Assert.Equal("general_branch", await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT kind FROM org_units WHERE id = @Id", new { unit.Id }, cancellationToken: Ct)));
        Assert.Equal(OrgUnitKind.GeneralBranch, (await stores.Units.GetUnitAsync(unit.Id, Ct))!.Kind);
        Assert.Single(await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM org_units WHERE kind = @Kind", new { Kind = OrgUnitKind.GeneralBranch }, cancellationToken: Ct)));
    }

    [Fact]
    public async Task ANullableEnumGoesAsItsNameOrAsNullBothWays()
    {
        using var db = new TestDatabase();
        await Stores.CreateAsync(db);
        await using var connection = new SqliteConnection($"Data Source={db.Path}");

        Assert.Equal("month", await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT @Period", new { Period = (CapPeriod?)CapPeriod.Month }, cancellationToken: Ct)));
        Assert.Equal(CapPeriod.Month, await connection.ExecuteScalarAsync<CapPeriod?>(new CommandDefinition("SELECT 'month'", cancellationToken: Ct)));
        Assert.Null(await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT @Period", new { Period = (CapPeriod?)null }, cancellationToken: Ct)));
        Assert.Null(await connection.ExecuteScalarAsync<CapPeriod?>(new CommandDefinition("SELECT NULL", cancellationToken: Ct)));
    }

    [Fact]
    public async Task ANameTheEnumDoesNotKnowIsAnErrorThatNamesItNotADefaultValue()
    {
        using var db = new TestDatabase();
        var stores = await Stores.CreateAsync(db);
        var unit = await stores.Units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "党委"), null, Ct);
        await using (var connection = new SqliteConnection($"Data Source={db.Path}"))
        {
            // A file written by a newer version, or edited by hand past the CHECK constraint.
            await connection.ExecuteAsync(new CommandDefinition(
                "PRAGMA ignore_check_constraints = ON; UPDATE org_units SET kind = 'district' WHERE id = @Id", new { unit.Id }, cancellationToken: Ct));
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(() => stores.Units.GetUnitAsync(unit.Id, Ct));

        var unknown = Assert.IsType<InvalidDataException>(error as InvalidDataException ?? error.InnerException);
        Assert.Contains("'district'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(OrgUnitKind), unknown.Message, StringComparison.Ordinal);
    }
}
