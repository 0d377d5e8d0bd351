using System.Text;
using ChatReport.Bot.Digests;
using ChatReport.Conversation.Notices;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Notices;

/// <summary>
/// The notice as a chat message: one short line per member, ranked. Channels that take inline
/// files (Web Chat, Direct Line, the Emulator) also get the workbook with every item; Teams needs
/// a file-consent exchange for that, so there the items come from the export command.
/// </summary>
public static class NoticeRenderer
{
    private static readonly HashSet<string> s_inlineFileChannels = new(StringComparer.OrdinalIgnoreCase) { "webchat", "directline", "emulator" };

    public static bool TakesInlineFiles(string channelId) => s_inlineFileChannels.Contains(channelId);

    // publicityEnds: the last day (branch local) of the objection period of a published notice.
    public static Activity Render(QuarterNotice notice, NoticePurpose purpose, string channelId, string? locale, NoticeExport? workbook, DateOnly? publicityEnds = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(channelId);
        var texts = DigestTexts.ForLocale(locale);
        var text = new StringBuilder(NoticeExporter.Title(notice, texts));
        if (notice.Rows.Count == 0)
        {
            text.Append('\n').Append(texts.NoticeNoMembers);
        }

        foreach (var row in notice.Rows)
        {
            text.Append('\n')
                .Append(row.Rank).Append(". ").Append(row.DisplayName).Append(' ').Append(texts.Total(row.CycleTotal))
                .Append(texts.IsEnglish ? " (" : "（").Append(texts.NoticeQuarterPart(row.Additions, row.Deductions)).Append(texts.IsEnglish ? ")" : "）");
        }

        text.Append("\n\n").Append(purpose == NoticePurpose.Review
            ? texts.NoticeReviewFooter(notice.Year, notice.Quarter)
            : NoticeExporter.SignOffLine(notice, texts));

        // The group is where members learn that they may object, so the posted notice says until
        // when and how, in the same words as the printed one.
        if (purpose == NoticePurpose.Publish && notice.SignedOn is { } signedOn && publicityEnds is { } ends)
        {
            var paper = NoticePdfTexts.ForLocale(locale);
            text.Append('\n').Append(paper.Publicity(signedOn.AddDays(1), ends)).Append('\n').Append(paper.HowToObject);
        }

        var attach = workbook is not null && TakesInlineFiles(channelId);
        if (attach)
        {
            text.Append('\n').Append(texts.NoticeFileAttached);
        }

        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text.ToString(),
            TextFormat = "plain",
            Locale = texts.IsEnglish ? "en-US" : "zh-CN",
            Attachments = attach
                ? [new Attachment { ContentType = workbook!.ContentType, Name = workbook.FileName, ContentUrl = $"data:{workbook.ContentType};base64,{Convert.ToBase64String(workbook.Content.Span)}" }]
                : null,
        };
    }
}
