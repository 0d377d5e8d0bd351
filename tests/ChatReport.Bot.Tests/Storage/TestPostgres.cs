using Npgsql;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>
/// The PostgreSQL server the tests use, named by <c>CHATREPORT_TEST_POSTGRES</c> (an Npgsql
/// connection string whose role may create databases; <c>.ci/run</c> starts a server and sets it).
/// Each test gets a database of its own, dropped after it. Without the variable a PostgreSQL
/// variant is skipped on a developer's machine, and fails under CI (<c>CI=true</c>), so that a
/// missing server can never pass for a green run.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CHATREPORT_TEST_POSTGRES";

    private static readonly Lazy<NpgsqlDataSource?> Admin = new(() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = true, Database = "postgres" })
            : null);

    /// <summary>The server's connection string, or the test ends here (skipped, or failed under CI).</summary>
    public static NpgsqlConnectionStringBuilder Server()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString)
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }

        var message = $"PostgreSQL variant: set {Variable} to an Npgsql connection string (see README, Tests) to run it.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{message} CI must run every store test against PostgreSQL; .ci/run starts a server and sets it.");
        }

        Assert.Skip(message);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Creates an empty database and returns its name and connection string.</summary>
    public static (string Name, string ConnectionString) CreateDatabase()
    {
        var server = Server();
        var name = $"chatreport_test_{Guid.NewGuid():N}";
        using (var command = Admin.Value!.CreateCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'"))
        {
            command.ExecuteNonQuery();
        }

        server.Database = name;
        // A small pool per test database: many tests run at once against one server.
        server.MaxPoolSize = 10;
        return (name, server.ToString());
    }

    public static void DropDatabase(string name)
    {
        // FORCE may not end a superuser's backend, such as an autovacuum worker that just entered
        // the fresh database (42501); the worker leaves within moments, so try again a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var command = Admin.Value!.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }
}
