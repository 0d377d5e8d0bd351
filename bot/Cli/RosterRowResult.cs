namespace ChatReport.Bot.Cli;

/// <summary>What happened to one row of a roster file.</summary>
/// <param name="Line">The line the row starts on (the header is line 1).</param>
/// <param name="Branch">The branch as written.</param>
/// <param name="Name">The name as written.</param>
/// <param name="Role">The role as written.</param>
/// <param name="MemberId">The new member, when created.</param>
/// <param name="SkipReason">Why the row was skipped; null when it was created.</param>
public sealed record RosterRowResult(int Line, string Branch, string Name, string Role, long? MemberId, string? SkipReason)
{
    public bool Created => SkipReason is null;
}
