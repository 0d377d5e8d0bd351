using System.Data;
using System.Globalization;
using ChatReport.Conversation.Domain;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// Dapper's global type handling, registered once before the first query. On SQLite instants
/// are stored as UTC ISO-8601 text (so the file reads the same whatever the server's time zone),
/// days as 'yyyy-MM-dd' text and flags as 0/1; on PostgreSQL they are timestamptz, date and
/// boolean. Handlers are global in Dapper while a process may hold both engines (the tests, a
/// future export tool), so each handler decides by the parameter it is given (an
/// <see cref="NpgsqlParameter"/> or not) and by the value the reader returns, never by a setting.
/// </summary>
public static class DapperConfiguration
{
    private static int s_configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref s_configured, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // The built-in maps would write DateTimeOffset with the machine's local offset.
        Replace(typeof(DateTimeOffset), new UtcInstantHandler());
        Replace(typeof(DateOnly), new LocalDateHandler());
        // SQLite hands every integer back as Int64, and Dapper binds a positional record only
        // when each column's type equals its parameter's type or has a handler. These two let
        // records say int and bool, as the domain does.
        Replace(typeof(int), new Int32Handler());
        Replace(typeof(bool), new BooleanHandler());
        // PostgreSQL's SUM over bigint is numeric (decimal): records keep saying long.
        Replace(typeof(long), new Int64Handler());

        // Enums are stored by their snake_case names (StoredEnum). With this switch Dapper asks a
        // registered handler first, for parameters and columns; enums without one keep Dapper's
        // numbers. DigestRunStatus lives in Schedules, which registers it (MapStoredEnum).
        SqlMapper.Settings.PreferTypeHandlersForEnums = true;
        MapStoredEnum<OrgUnitKind>();
        MapStoredEnum<Role>();
        MapStoredEnum<RuleKind>();
        MapStoredEnum<CapPeriod>();
        MapStoredEnum<ClaimStatus>();
        MapStoredEnum<DayPart>();
        MapStoredEnum<LedgerKind>();
        MapStoredEnum<ServiceTaskStatus>();
    }

    /// <summary>Stores and reads <typeparamref name="T"/> as its snake_case name; call before its first query.</summary>
    public static void MapStoredEnum<T>()
        where T : struct, Enum => SqlMapper.AddTypeHandler(typeof(T), new StoredEnumHandler<T>());

    private static void Replace(Type type, SqlMapper.ITypeHandler handler)
    {
        SqlMapper.RemoveTypeMap(type);
        SqlMapper.RemoveTypeMap(typeof(Nullable<>).MakeGenericType(type));
        SqlMapper.AddTypeHandler(type, handler);
    }

    // Non-generic handlers, because SqlMapper.TypeHandler<T> passes DBNull to Parse when a
    // scalar query for T? finds NULL, and cannot answer null. Registered for T, they also serve
    // T?, so a null parameter arrives here as DBNull.
    private sealed class UtcInstantHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            if (parameter is NpgsqlParameter postgres)
            {
                // timestamptz takes only UTC values from Npgsql.
                postgres.NpgsqlDbType = NpgsqlDbType.TimestampTz;
                postgres.Value = value is DateTimeOffset utc ? utc.ToUniversalTime() : DBNull.Value;
                return;
            }

            parameter.DbType = DbType.String;
            parameter.Value = value is DateTimeOffset instant ? instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value switch
        {
            DBNull => null,
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        };
    }

    private sealed class LocalDateHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            if (parameter is NpgsqlParameter postgres)
            {
                postgres.NpgsqlDbType = NpgsqlDbType.Date;
                postgres.Value = value is DateOnly date ? date : DBNull.Value;
                return;
            }

            parameter.DbType = DbType.String;
            parameter.Value = value is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value switch
        {
            DBNull => null,
            DateOnly day => day,
            DateTime date => DateOnly.FromDateTime(date),
            _ => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private sealed class Int32Handler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = DbType.Int32;
            parameter.Value = value ?? DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value is DBNull
            ? null
            : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private sealed class BooleanHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            if (parameter is NpgsqlParameter postgres)
            {
                postgres.NpgsqlDbType = NpgsqlDbType.Boolean;
                postgres.Value = value is bool b ? b : DBNull.Value;
                return;
            }

            parameter.DbType = DbType.Int64;
            parameter.Value = value is bool flag ? (flag ? 1L : 0L) : DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value switch
        {
            DBNull => null,
            bool flag => flag,
            _ => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        };
    }

    private sealed class Int64Handler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value ?? DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value is DBNull
            ? null
            : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }
}
