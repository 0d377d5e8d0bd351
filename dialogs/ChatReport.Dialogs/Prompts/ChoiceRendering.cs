using System.Collections.Frozen;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Prompts;

/// <summary>Puts choices on a prompt message as buttons or as a numbered list.</summary>
internal static class ChoiceRendering
{
    // Channels known to show suggested actions; others (Teams group chats, Slack, e-mail) get a list.
    private static readonly FrozenSet<string> ButtonChannels =
        new[] { "directline", "webchat", "emulator", "test", "telegram", "facebook", "line", "kik", "directlinespeech" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const int MaxButtons = 10;

    internal static Activity Render(Activity reply, IReadOnlyList<Choice> choices, ListStyle style, EngineTexts texts)
    {
        if (style == ListStyle.Auto)
        {
            style = reply.ChannelId is { } channel && ButtonChannels.Contains(channel) && choices.Count <= MaxButtons
                ? ListStyle.SuggestedActions
                : ListStyle.List;
        }

        return style switch
        {
            ListStyle.SuggestedActions => reply with
            {
                SuggestedActions = new SuggestedActions
                {
                    Actions = [.. choices.Select(choice => CardAction.SayBack(choice.DisplayTitle, choice.Value))],
                },
            },
            ListStyle.List => reply with
            {
                Text = string.Join("\n", choices.Select((choice, i) => texts.NumberedChoice(i + 1, choice.DisplayTitle)).Prepend(reply.Text)),
            },
            _ => reply,
        };
    }
}
