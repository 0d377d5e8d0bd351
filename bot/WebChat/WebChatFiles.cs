namespace ChatReport.Bot.WebChat;

/// <summary>
/// Where the page's files are: <c>WebChat/wwwroot</c> under the content root (<c>dotnet run</c>,
/// tests), else next to the assembly (the build copies them there).
/// </summary>
public sealed class WebChatFiles(string contentRoot)
{
    public string Root { get; } = Locate(contentRoot);

    /// <summary>The file at <paramref name="relativePath"/>, or null when missing, hidden, or outside the root.</summary>
    public FileInfo? Find(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || full[Root.Length..].Contains(Path.DirectorySeparatorChar + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var file = new FileInfo(full);
        return file.Exists ? file : null;
    }

    private static string Locate(string contentRoot)
    {
        var fromContentRoot = Path.GetFullPath(Path.Combine(contentRoot, "WebChat", "wwwroot"));
        return Directory.Exists(fromContentRoot)
            ? fromContentRoot
            : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "WebChat", "wwwroot"));
    }
}
