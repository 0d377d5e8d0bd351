using System.Collections.Frozen;
using System.Text.Json;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// Enums are stored as the lowercase snake_case names the CHECK constraints list
/// (<c>GeneralBranch</c> ↔ <c>general_branch</c>), so the file reads well in the sqlite3 shell
/// and an engine without enum types stores them the same way. Stores pass and read the enums
/// themselves: <see cref="StoredEnumHandler{T}"/> converts them for Dapper.
/// </summary>
internal static class StoredEnum
{
    public static string ToStored<T>(this T value)
        where T : struct, Enum =>
        Names<T>.ToName.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no stored name for this value.");

    public static string? ToStored<T>(this T? value)
        where T : struct, Enum =>
        value is { } v ? v.ToStored() : null;

    public static T Parse<T>(string stored)
        where T : struct, Enum =>
        Names<T>.FromName.TryGetValue(stored, out var value)
            ? value
            : throw new InvalidDataException($"The database holds '{stored}', which is not a known {typeof(T).Name}.");

    public static T? ParseOptional<T>(string? stored)
        where T : struct, Enum =>
        stored is null ? null : Parse<T>(stored);

    public static bool TryParse<T>(string? stored, out T value)
        where T : struct, Enum
    {
        value = default;
        return stored is not null && Names<T>.FromName.TryGetValue(stored, out value);
    }

    public static IEnumerable<string> AllNames<T>()
        where T : struct, Enum => Names<T>.ToName.Values;

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToName =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromName =
            ToName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
