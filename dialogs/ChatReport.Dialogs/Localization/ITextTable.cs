namespace ChatReport.Dialogs.Localization;

/// <summary>
/// A table of user-facing texts: a record whose <c>required</c> properties are the keys and
/// whose static instances, one per <see cref="ReplyLanguage"/>, are the translations. A key
/// missing from a culture does not compile; an empty one fails the text-table test, which
/// finds every implementation in the assembly by reflection.
/// </summary>
/// <remarks>
/// Plain texts are <see cref="string"/> properties; texts with values in them are
/// <see cref="Func{T, TResult}"/> properties (<c>Points = n =&gt; $"{n} 分"</c>), so their
/// arguments are checked by the compiler instead of by placeholder counting.
/// </remarks>
/// <typeparam name="TSelf">The table record itself.</typeparam>
public interface ITextTable<TSelf>
    where TSelf : class, ITextTable<TSelf>
{
    /// <summary>The table for <paramref name="language"/>.</summary>
    static abstract TSelf ForLanguage(ReplyLanguage language);
}
