using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Tests.Review;

/// <summary>
/// Stands in for the member branch's root dialog: asks each command in order and begins the
/// first that matches; anything else gets "?". Card submits arrive as text, as after CardSubmitMiddleware.
/// </summary>
public sealed class CommandRootDialog : ComponentDialog
{
    public CommandRootDialog(IReadOnlyList<IChatCommand> commands)
        : base(nameof(CommandRootDialog))
    {
        AddDialog(new Router(commands));
        foreach (var command in commands)
        {
            AddDialog(command.Dialog);
        }
    }

    private sealed class Router(IReadOnlyList<IChatCommand> commands) : Dialog(nameof(Router))
    {
        public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
        {
            var text = TextNormalizer.ForMatching(CardCommand.FromSubmit(dc.Context.Activity) ?? dc.Context.Activity.Text);
            foreach (var command in commands)
            {
                if (command.Match(text) is { } match)
                {
                    return match.Options is null
                        ? await dc.BeginDialogAsync(command.Dialog.Id, cancellationToken)
                        : await dc.BeginDialogAsync(command.Dialog.Id, match.Options, cancellationToken);
                }
            }

            await dc.Context.SendTextAsync("?", cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }
    }
}
