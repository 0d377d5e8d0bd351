namespace ChatReport.Bot.Storage.Domain;

/// <summary>Where the point rules come from.</summary>
public sealed record RulesOptions
{
    public const string Section = "Rules";

    public const string DefaultFileName = "rules.default.json";

    /// <summary>
    /// The rules file. Unset: the <c>rules.default.json</c> shipped next to the bot. A relative
    /// path resolves against the working directory, like the database.
    /// </summary>
    public string? Path { get; init; }

    public string ResolvedPath => string.IsNullOrWhiteSpace(Path)
        ? System.IO.Path.Combine(AppContext.BaseDirectory, DefaultFileName)
        : System.IO.Path.GetFullPath(Path);
}
