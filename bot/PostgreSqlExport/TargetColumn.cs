using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>
/// A PostgreSQL column and how a SQLite value becomes its value. SQLite keeps flags as 0/1, instants
/// as UTC ISO-8601 text and days as 'yyyy-MM-dd' text (the Dapper handlers write them so); the
/// PostgreSQL schema has boolean, timestamptz and date.
/// </summary>
internal sealed record TargetColumn(string Name, string Type, bool IsIdentity)
{
    public Task WriteAsync(NpgsqlBinaryImporter importer, object value, CancellationToken cancellationToken)
    {
        if (value is DBNull)
        {
            return importer.WriteNullAsync(cancellationToken);
        }

        var invariant = CultureInfo.InvariantCulture;
        return Type switch
        {
            "bigint" => importer.WriteAsync(Convert.ToInt64(value, invariant), NpgsqlDbType.Bigint, cancellationToken),
            "integer" => importer.WriteAsync(checked((int)Convert.ToInt64(value, invariant)), NpgsqlDbType.Integer, cancellationToken),
            "boolean" => importer.WriteAsync(Convert.ToInt64(value, invariant) != 0, NpgsqlDbType.Boolean, cancellationToken),
            "timestamp with time zone" => importer.WriteAsync(
                DateTimeOffset.Parse((string)value, invariant, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).UtcDateTime,
                NpgsqlDbType.TimestampTz,
                cancellationToken),
            "date" => importer.WriteAsync(DateOnly.ParseExact((string)value, "yyyy-MM-dd", invariant), NpgsqlDbType.Date, cancellationToken),
            "bytea" => importer.WriteAsync((byte[])value, NpgsqlDbType.Bytea, cancellationToken),
            // SQLite's TEXT affinity may hand back a number that was stored as one; text is text.
            _ => importer.WriteAsync(Convert.ToString(value, invariant)!, NpgsqlDbType.Text, cancellationToken),
        };
    }
}
