using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Interruptions;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Main;

/// <summary>
/// The root dialog. It reads the message that began it as a command and begins that command's
/// dialog; a stranger gets the welcome, a deed told without 申报 goes to the report flow, and
/// anything else gets a short menu for the user's audience. It ends when the command ends: the
/// runner begins it again on the next message, which is the loop, so an idle conversation keeps
/// no stack (and 取消 or 帮助 with nothing in progress behave as "nothing in progress").
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    private readonly ChatCommandCatalog _commands;
    private readonly IReadOnlyList<IUnmatchedTextHandler> _fallbacks;
    private readonly IMemberDirectory _members;

    /// <summary>Creates the root dialog over the commands and the handlers for unmatched text.</summary>
    /// <param name="commands">The commands, in priority order.</param>
    /// <param name="fallbacks">Asked in order when no command matches.</param>
    /// <param name="members">Who is speaking, and in which roles.</param>
    public MainDialog(ChatCommandCatalog commands, IEnumerable<IUnmatchedTextHandler> fallbacks, IMemberDirectory members)
        : base(nameof(MainDialog))
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(fallbacks);
        ArgumentNullException.ThrowIfNull(members);
        _commands = commands;
        _fallbacks = [.. fallbacks];
        _members = members;
        AddDialog(new WaterfallDialog<MainState>(nameof(WaterfallDialog), () => new MainState(), RouteStepAsync, DoneStepAsync));
        foreach (var dialog in _commands.Commands.Select(c => c.Dialog).Concat(_fallbacks.Select(f => f.Dialog)).Distinct())
        {
            AddDialog(dialog);
        }
    }

    /// <summary>The menu lines a user of <paramref name="audiences"/> sees, in the user's language.</summary>
    /// <param name="dc">The context, for the language.</param>
    /// <param name="audiences">The audiences of the user.</param>
    /// <returns>One line per command, then 帮助.</returns>
    public IReadOnlyList<string> MenuLines(DialogContext dc, IReadOnlySet<CommandAudience> audiences)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(audiences);
        return [.. _commands.Commands
            .Where(c => audiences.Contains(c.Audience))
            .Select(c => c.HelpLine(dc.Language))
            .Distinct(StringComparer.Ordinal)
            .Append(dc.Texts<ConversationTexts>().HelpLine)];
    }

    private async Task<DialogTurnResult> RouteStepAsync(WaterfallStepContext<MainState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ConversationTexts>();
        var text = TextNormalizer.ForMatching(step.Context.Activity.Text);
        var member = await CurrentMember.FindAsync(_members, step.Context, cancellationToken);
        var isMember = member is { IsActive: true };

        if (!HelpInterruptionHandler.Words.Contains(text) && _commands.Match(text) is ({ } command, { } match))
        {
            if (command.Audience != CommandAudience.Everyone && !isMember)
            {
                await step.Context.SendTextAsync(member is null ? texts.NotJoined : texts.Inactive, cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
            }

            return match.Options is { } options
                ? await step.BeginDialogAsync(command.Dialog.Id, options, cancellationToken)
                : await step.BeginDialogAsync(command.Dialog.Id, cancellationToken);
        }

        if (member is null)
        {
            await step.Context.SendTextAsync(texts.Welcome, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (isMember && !HelpInterruptionHandler.Words.Contains(text))
        {
            foreach (var fallback in _fallbacks)
            {
                if (await fallback.MatchAsync(step.DialogContext, text, cancellationToken) is { } found)
                {
                    return found.Options is { } options
                        ? await step.BeginDialogAsync(fallback.Dialog.Id, options, cancellationToken)
                        : await step.BeginDialogAsync(fallback.Dialog.Id, cancellationToken);
                }
            }
        }

        var audiences = (await Speakers.GetAsync(_members, step.Context, cancellationToken)).Audiences;
        var header = HelpInterruptionHandler.Words.Contains(text) ? texts.MenuHeader : texts.NotUnderstood;
        var menu = MenuLines(step.DialogContext, audiences).Select(line => "· " + line).Prepend(header).Append(texts.MenuFooter);
        await step.Context.SendTextAsync(string.Join("\n", menu), cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }

    private static Task<DialogTurnResult> DoneStepAsync(WaterfallStepContext<MainState> step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result, cancellationToken);
}
