using System.Data;
using Dapper;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// Writes and reads one enum as its stored snake_case name (<see cref="StoredEnum"/>), for
/// parameters and for columns alike, so stores pass and read the enum itself. Dapper consults it
/// only with <c>SqlMapper.Settings.PreferTypeHandlersForEnums</c> on (Dapper 2.1.86; without the
/// switch it writes the number and parses names without underscores).
/// </summary>
/// <typeparam name="T">The enum.</typeparam>
// Non-generic ITypeHandler, as in DapperConfiguration: registered for T it also serves T?, and a
// NULL arrives here as DBNull, which TypeHandler<T>.Parse could not answer with null.
public sealed class StoredEnumHandler<T> : SqlMapper.ITypeHandler
    where T : struct, Enum
{
    public void SetValue(IDbDataParameter parameter, object value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.DbType = DbType.String;
        parameter.Value = value is T member ? member.ToStored() : DBNull.Value;
    }

    public object? Parse(Type destinationType, object value) => value switch
    {
        DBNull => null,
        string stored => StoredEnum.Parse<T>(stored),
        _ => throw new InvalidDataException($"The database holds {value} ({value.GetType().Name}) where a {typeof(T).Name} name belongs."),
    };
}
