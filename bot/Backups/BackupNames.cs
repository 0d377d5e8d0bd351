using System.Globalization;

namespace ChatReport.Bot.Backups;

/// <summary>
/// File names of the backups the bot makes itself. They sort by time, name the database they
/// copy, and say why they were made, so an administrator picks the right one with <c>ls</c>.
/// </summary>
public static class BackupNames
{
    private const string NightlyTag = "-nightly-";

    public static string Nightly(string databasePath, DateTimeOffset slot) => $"{Stem(databasePath)}{NightlyTag}{Stamp(slot)}.db";

    public static string BeforeUpgrade(string databasePath, int fromVersion, int toVersion, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{Stem(databasePath)}-v{fromVersion}-before-v{toVersion}-{Stamp(at)}.db");

    public static string BeforeRestore(string databasePath, DateTimeOffset at) => $"{Stem(databasePath)}-before-restore-{Stamp(at)}.db";

    /// <summary>The nightly backups of this database in <paramref name="folder"/>, newest first.</summary>
    public static IReadOnlyList<string> ListNightly(string folder, string databasePath) =>
        !Directory.Exists(folder)
            ? []
            : [.. Directory.EnumerateFiles(folder, $"{Stem(databasePath)}{NightlyTag}*.db").OrderDescending(StringComparer.Ordinal)];

    private static string Stem(string databasePath) => Path.GetFileNameWithoutExtension(databasePath);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
