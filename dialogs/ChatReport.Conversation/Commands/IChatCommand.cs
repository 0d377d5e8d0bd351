using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Commands;

/// <summary>
/// A command a user can type at any time (申报, 我的积分, 通过 12 …). The root dialog asks every
/// registered command, in the order the host declares, and begins the first one that matches; features
/// add commands without touching the root dialog.
/// </summary>
public interface IChatCommand
{
    /// <summary>The dialog that carries the command out; the root dialog adds it to its set once.</summary>
    Dialog Dialog { get; }

    /// <summary>Who sees this command in the help menu (anyone may type it; the dialog checks rights).</summary>
    CommandAudience Audience { get; }

    /// <summary>
    /// Recognizes the command in <paramref name="text"/> (in <c>TextNormalizer.ForMatching</c>
    /// form: simplified, half-width, trimmed). Returns the options to begin <see cref="Dialog"/>
    /// with, or null when the text is not this command.
    /// </summary>
    CommandMatch? Match(string text);

    /// <summary>One line for the help menu, e.g. "申报 昨天扫雪 —— 申报积分".</summary>
    string HelpLine(ReplyLanguage language);
}
