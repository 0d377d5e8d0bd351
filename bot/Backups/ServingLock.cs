namespace ChatReport.Bot.Backups;

/// <summary>
/// An advisory lock on a file beside the database (<c>chatreport.db-serving</c>): every serving
/// bot holds it shared, a restore holds it alone. So a restore refuses while any bot serves the
/// database, and a bot refuses to start in the middle of a restore. The operating system drops the
/// lock when the process ends, however it ends.
/// </summary>
public sealed class ServingLock : IDisposable
{
    private readonly FileStream _file;

    private ServingLock(FileStream file) => _file = file;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + "-serving";

    /// <summary>The lock, or null when another process (or another host in this one) holds it the other way.</summary>
    public static ServingLock? TryTake(string databasePath, bool alone)
    {
        var path = PathFor(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // On Unix .NET takes flock(LOCK_EX) for FileShare.None and flock(LOCK_SH) otherwise.
            return new ServingLock(new FileStream(path, FileMode.OpenOrCreate, alone ? FileAccess.ReadWrite : FileAccess.Read, alone ? FileShare.None : FileShare.ReadWrite));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
