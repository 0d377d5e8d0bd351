using ChatReport.Conversation.Claims;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Points;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Main;

/// <summary>Answers a question or a greeting in one turn; "how many points do I have" is 我的积分.</summary>
/// <param name="rules">The rules, for the answer about how points work.</param>
/// <param name="myPoints">The dialog that answers 我的积分.</param>
public sealed class SmallTalkDialog(IRuleBook rules, MyPointsDialog myPoints) : Dialog(nameof(SmallTalkDialog))
{
    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var intent = options is MessageIntent said ? said : MessageIntent.Greeting;
        if (intent == MessageIntent.MyPoints)
        {
            return await myPoints.BeginDialogAsync(dc, null, cancellationToken);
        }

        var texts = dc.Texts<SmallTalkTexts>();
        string reply;
        switch (intent)
        {
            case MessageIntent.Thanks:
                reply = texts.Thanks;
                break;
            case MessageIntent.HowToReport:
                reply = texts.HowToReport;
                break;
            case MessageIntent.HowPointsWork:
                var active = await rules.ListActiveAsync(cancellationToken);
                reply = texts.HowPointsWork([.. active.Where(r => r.Kind == RuleKind.Bonus).Select(r => texts.RuleLine(RuleNames.Of(r, dc.Language), r.DefaultPoints))]);
                break;
            case MessageIntent.Complaint:
                reply = texts.Complaint;
                break;
            case MessageIntent.Deduction:
                reply = dc.Texts<ClaimTexts>().DeductionNotClaimed;
                break;
            default:
                reply = texts.Greeting;
                break;
        }

        await dc.Context.SendTextAsync(reply, cancellationToken);
        return await dc.EndDialogAsync(cancellationToken);
    }
}
