using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Notices;

/// <summary>异议列表: each open objection with the notice items it concerns, so a reviewer can decide from the chat.</summary>
public sealed class ObjectionsDialog : Dialog
{
    private const int MaxItems = 8;
    private readonly IMemberDirectory _members;
    private readonly IObjectionBook _objections;

    /// <summary>Creates the dialog.</summary>
    /// <param name="members">Who is asking.</param>
    /// <param name="objections">The objections.</param>
    public ObjectionsDialog(IMemberDirectory members, IObjectionBook objections)
        : base(nameof(ObjectionsDialog))
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(objections);
        _members = members;
        _objections = objections;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<ObjectionTexts>();
        var actor = await ReviewAccess.FindActorAsync(_members, dc.Context, cancellationToken);
        var units = actor is null ? [] : await ReviewAccess.ReviewedUnitsAsync(_members, dc.Context, cancellationToken);
        if (units.Count == 0)
        {
            await dc.Context.SendTextAsync(texts.NotAllowed, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var open = new List<OpenObjection>();
        foreach (var unit in units)
        {
            open.AddRange(await _objections.ListOpenAsync(unit, cancellationToken));
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
