using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Claims;

/// <summary>The report's summary and the choices under it: submit / change / cancel, and which field to change.</summary>
internal static class ReportSummary
{
    /// <summary>The summary of <paramref name="draft"/>, one line a field.</summary>
    public static string Text(ReportDraft draft, string ruleName, ClaimTexts texts)
    {
        var lines = new List<string>
        {
            texts.SummaryHeader,
            texts.SummaryWhen(draft.OccurredOn!.Value, TimeDetail(draft, texts)),
            texts.SummaryWhere(draft.Place ?? texts.NoPlace),
            texts.SummaryWhat(draft.What ?? string.Empty),
            texts.SummaryRule(ruleName, draft.Points ?? 0),
        };
        if (draft.Photos.Count > 0)
        {
            lines.Add(texts.SummaryPhotos(draft.Photos.Count));
        }

        if (draft.MemberNote is { } memberNote)
        {
            lines.Add(texts.SummaryNote(memberNote));
        }

        return string.Join("\n", lines);
    }

    /// <summary>Submit, change or cancel.</summary>
    public static List<Choice> Decisions(ClaimTexts texts) =>
    [
        new("submit") { Title = texts.Submit, Synonyms = ["提交", "submit", "确认", "确定", "是", "好", "yes", "ok"] },
        new("change") { Title = texts.Change, Synonyms = ["修改", "改", "change", "edit"] },
        new("cancel") { Title = texts.Cancel, Synonyms = ["取消", "不报了", "cancel"] },
    ];

    /// <summary>The fields a member may change; their values are <see cref="ReportField"/> names.</summary>
    public static List<Choice> Fields(ClaimTexts texts) =>
    [
        new("when") { Title = texts.FieldWhen, Synonyms = ["时间", "日期", "when", "date"] },
        new("where") { Title = texts.FieldWhere, Synonyms = ["地点", "where", "place"] },
        new("what") { Title = texts.FieldWhat, Synonyms = ["事项", "内容", "what"] },
        new("rule") { Title = texts.FieldRule, Synonyms = ["项目", "类别", "item", "rule"] },
        new("points") { Title = texts.FieldPoints, Synonyms = ["分数", "积分", "分", "points"] },
        new("photo") { Title = texts.FieldPhoto, Synonyms = ["照片", "图片", "photo", "picture"] },
    ];

    // 下午 when a part of the day was said, the time when one was, else nothing.
    private static string? TimeDetail(ReportDraft draft, ClaimTexts texts) =>
        draft.DayPart is { } part ? texts.DayPartName(part)
        : draft.TimeKnown && draft.OccurredAt is { } at ? at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : null;
}
