using System.Data;
using System.Globalization;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// Dapper's global type handling, registered once before the first query. Instants are
/// stored as UTC ISO-8601 text, so the file reads the same whatever the server's time zone.
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
            parameter.DbType = DbType.String;
            parameter.Value = value is DateTimeOffset instant ? instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value is DBNull
            ? null
            : DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    private sealed class LocalDateHandler : SqlMapper.ITypeHandler
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value is DBNull
            ? null
            : DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
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
            parameter.DbType = DbType.Int64;
            parameter.Value = value is bool flag ? (flag ? 1L : 0L) : DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value is DBNull
            ? null
            : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;
    }
}
