using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Review;

/// <summary>Lists the pending claims of the branches the user reviews (待审核), compactly, with buttons; ends at once.</summary>
public sealed class PendingClaimsDialog(IMemberDirectory members, IClaimBook claims, IRuleBook rules) : Dialog(nameof(PendingClaimsDialog))
{
    /// <summary>How many claims the list shows.</summary>
    public const int MaxListed = 10;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<ReviewTexts>();
        var actor = await ReviewAccess.FindActorAsync(members, dc.Context, cancellationToken);
        if (actor is null)
        {
            await dc.Context.SendTextAsync(texts.NotAMember, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var units = await ReviewAccess.ReviewedUnitsAsync(members, dc.Context, cancellationToken);
        if (units.Count == 0)
        {
            await dc.Context.SendTextAsync(texts.NotAReviewer, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var pending = new List<Claim>();
        foreach (var unitId in units)
        {
            pending.AddRange(await claims.ListPendingAsync(unitId, null, cancellationToken));
        }

        if (pending.Count == 0)
        {
            await dc.Context.SendTextAsync(texts.NoPending, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var listed = pending.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(MaxListed).ToList();
        var views = await ClaimViews.BuildAsync(listed, members, rules, dc.Language, dc.UserLocale.TimeZone, cancellationToken);
        await dc.Context.SendActivityAsync(ClaimCards.ForList(dc.Context.Activity.CreateReply(), views, pending.Count, texts), cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }
}
