using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Interruptions;

namespace ChatReport.Conversation.Main;

/// <summary>
/// The bot's commands in priority order (the host declares it): the root dialog routes with it,
/// and the restart interruption asks it whether a message mid-dialog is a new command.
/// </summary>
public sealed class ChatCommandCatalog : ITopLevelCommandRecognizer
{
    /// <summary>Creates the catalog over the registered commands, first registered first asked.</summary>
    /// <param name="commands">The commands.</param>
    public ChatCommandCatalog(IEnumerable<IChatCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        Commands = [.. commands];
    }

    /// <summary>The commands, in the order they are asked.</summary>
    public IReadOnlyList<IChatCommand> Commands { get; }

    /// <summary>The first command that recognizes <paramref name="text"/> (in <c>TextNormalizer.ForMatching</c> form), with its options.</summary>
    /// <param name="text">The normalized message text.</param>
    /// <returns>The command and its match, or null.</returns>
    public (IChatCommand Command, CommandMatch Match)? Match(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var command in Commands)
        {
            if (command.Match(text) is { } match)
            {
                return (command, match);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public bool IsTopLevelCommand(DialogContext dc, string text) => Match(text) is not null;
}
