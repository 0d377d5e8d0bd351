using System.Collections.Frozen;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Prompts;

/// <summary>
/// Asks for a photo; ends with the image attachments of the answer. When
/// <see cref="PromptOptions.AllowSkip"/> is set it shows a "跳过" button and also accepts 跳过,
/// 不用, 没有, skip or none, ending with an empty list.
/// </summary>
public sealed class AttachmentPrompt : Prompt<IReadOnlyList<Attachment>>
{
    private static readonly FrozenSet<string> SkipWords =
        new[] { "跳过", "跳过吧", "不用", "不用了", "没有", "没有照片", "没照片", "无", "不发", "skip", "none", "no", "no photo", "no picture" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the prompt.</summary>
    public AttachmentPrompt(string id, PromptValidator<IReadOnlyList<Attachment>>? validator = null)
        : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override Task<PromptRecognition<IReadOnlyList<Attachment>>> OnRecognizeAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        var activity = dc.Context.Activity;
        var images = (activity.Attachments ?? [])
            .Where(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        if (images.Count > 0)
        {
            return Task.FromResult(new PromptRecognition<IReadOnlyList<Attachment>>(images));
        }

        var skipped = options.AllowSkip
            && (SkipWords.Contains(TextNormalizer.ForMatching(activity.Text))
                || TextNormalizer.ForMatching(activity.Text).Equals(dc.Texts<EngineTexts>().Skip, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(skipped ? new PromptRecognition<IReadOnlyList<Attachment>>([]) : default);
    }

    /// <inheritdoc />
    protected override string DefaultRetryPrompt(DialogContext dc, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        var texts = dc.Texts<EngineTexts>();
        return options.AllowSkip ? texts.AttachmentRetryOrSkip : texts.AttachmentRetry;
    }

    /// <inheritdoc />
    protected override Activity DecoratePrompt(DialogContext dc, PromptOptions options, Activity reply, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.AllowSkip)
        {
            return reply;
        }

        // One button is a hint, not a list: never number it into the text.
        var style = options.Style == ListStyle.Auto ? ListStyle.SuggestedActions : options.Style;
        var texts = dc.Texts<EngineTexts>();
        return ChoiceRendering.Render(reply, [new Choice(texts.Skip)], style, texts);
    }
}
