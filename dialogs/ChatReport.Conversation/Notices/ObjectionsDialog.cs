using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Notices;

/// <summary>异议列表: each open objection with the notice items it concerns, so a reviewer can decide from the chat.</summary>
/// <param name="members">Who is asking.</param>
/// <param name="objections">The objections.</param>
public sealed class ObjectionsDialog(IMemberDirectory members, IObjectionBook objections) : Dialog(nameof(ObjectionsDialog))
{
    private const int MaxItems = 8;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<ObjectionTexts>();
        var actor = await ReviewAccess.FindActorAsync(members, dc.Context, cancellationToken);
        var units = actor is null ? [] : await ReviewAccess.ReviewedUnitsAsync(members, dc.Context, cancellationToken);
        if (units.Count == 0)
        {
            await dc.Context.SendTextAsync(texts.NotAllowed, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var open = new List<OpenObjection>();
        foreach (var unit in units)
        {
            open.AddRange(await objections.ListOpenAsync(unit, cancellationToken));
        }

        if (open.Count == 0)
        {
            await dc.Context.SendTextAsync(texts.NoneOpen, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var lines = new List<string> { texts.ListHeader(open.Count) };
        foreach (var (objection, items) in open)
        {
            lines.Add("");
            lines.Add(texts.ListItem(objection));
            lines.AddRange(items.Take(MaxItems).Select(texts.ItemLine));
        }

        await dc.Context.SendTextAsync(string.Join("\n", lines), cancellationToken);
        return await dc.EndDialogAsync(open.Count, cancellationToken);
    }
}
