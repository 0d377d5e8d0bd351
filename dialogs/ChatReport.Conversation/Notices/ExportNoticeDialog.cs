using System.Text;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Notices;

/// <summary>
/// 导出公示: sends a reviewer the branch's notice as a file. Channels that show inline files get
/// the workbook or CSV as a data: URI attachment; Teams would need its file-consent exchange, so
/// there the CSV comes as text in a code block. Files over <see cref="MaxFileBytes"/> and texts
/// over <see cref="MaxTextChars"/> are refused with a pointer to the command line.
/// </summary>
public sealed class ExportNoticeDialog : ComponentDialog
{
    /// <summary>The largest file sent in chat; base64 makes the message a third larger still.</summary>
    public const int MaxFileBytes = 1_000_000;

    /// <summary>The longest CSV sent as text: Teams refuses messages of about 28 KB and more.</summary>
    public const int MaxTextChars = 20_000;

    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly INoticeDesk _desk;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public ExportNoticeDialog(IMemberDirectory members, IOrganisation organisation, INoticeDesk desk)
        : base(nameof(ExportNoticeDialog))
    {
        _members = members;
        _organisation = organisation;
        _desk = desk;
        AddDialog(WaterfallDialog.Create<ExportNoticeOptions, NoticeState>(
            nameof(WaterfallDialog), o => new NoticeState(Quarter: o.Quarter, Format: o.Format), UnitStepAsync, SendStepAsync));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<NoticeTexts>().DialogHelp;
    }

    private async Task<DialogTurnResult> UnitStepAsync(WaterfallStepContext<NoticeState> step, CancellationToken cancellationToken) =>
        await NoticeAccess.AskUnitAsync(
            step, _members, _organisation, _desk, (_, ct) => ReviewAccess.ReviewedUnitsAsync(_members, step.Context, ct), step.Texts<NoticeTexts>().NotAReviewer, cancellationToken);

    private async Task<DialogTurnResult> SendStepAsync(WaterfallStepContext<NoticeState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<NoticeTexts>();
        var quarter = step.State.Quarter!;
        if (NoticeAccess.Picked(step.Result) is not { } unitId || !await _members.CanReviewAsync(step.State.MemberId, unitId, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotAReviewer, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var activity = step.Context.Activity;
        var inline = _desk.TakesInlineFiles(activity.ChannelId ?? "");
        var format = inline ? step.State.Format : NoticeExportFormat.Csv;
        if (format == NoticeExportFormat.Pdf && !_desk.CanWritePdf)
        {
            await step.Context.SendTextAsync(texts.PdfUnavailable, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (await _desk.ExportAsync(unitId, quarter, format, activity.Locale, cancellationToken) is not { } file)
        {
            await step.Context.SendTextAsync(texts.NoSuchQuarter(quarter.Year, quarter.Quarter), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var unitName = await UnitChoices.NameAsync(_organisation, unitId, cancellationToken);
        var reply = inline ? Attached(activity, file, texts.ExportAttached(unitName, quarter.Year, quarter.Quarter)) : AsText(activity, file, texts.ExportAsText(unitName, quarter.Year, quarter.Quarter));
        await step.Context.SendActivityAsync(reply ?? activity.CreateReply(texts.ExportTooLarge), cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }

    private static Activity? Attached(Activity activity, NoticeExport file, string caption)
    {
        if (file.Content.Length > MaxFileBytes)
        {
            return null;
        }

        var attachment = new Attachment
        {
            ContentType = file.ContentType,
            Name = file.FileName,
            ContentUrl = $"data:{file.ContentType};base64,{Convert.ToBase64String(file.Content.Span)}",
        };
        return activity.CreateReply(caption) with { Attachments = [attachment] };
    }

    private static Activity? AsText(Activity activity, NoticeExport file, string caption)
    {
        // The byte-order mark helps Excel with a file; in a message it is an invisible stray character.
        var csv = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(file.Content.Span).TrimStart('\uFEFF').TrimEnd();
        if (file.Content.Length > MaxFileBytes || csv.Length > MaxTextChars)
        {
            return null;
        }

        return activity.CreateReply($"{caption}\n```\n{csv}\n```") with { TextFormat = "markdown" };
    }
}
