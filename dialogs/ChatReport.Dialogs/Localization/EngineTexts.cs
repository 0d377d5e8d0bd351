namespace ChatReport.Dialogs.Localization;

/// <summary>The texts the dialog engine itself says: prompts' default retries, help, cancel, restarts.</summary>
public sealed record EngineTexts : ITextTable<EngineTexts>
{
    /// <summary>Said when the user cancels what was in progress.</summary>
    public required string Cancelled { get; init; }

    /// <summary>Said when the user cancels while nothing is in progress.</summary>
    public required string NothingToCancel { get; init; }

    /// <summary>Help when no active dialog explains itself.</summary>
    public required string HelpFallback { get; init; }

    /// <summary>Appended to every help answer: how to get out.</summary>
    public required string HelpFooter { get; init; }

    /// <summary>Said when the user comes back to a conversation that was left too long.</summary>
    public required string Expired { get; init; }

    /// <summary>Said when a deploy changed the dialogs under a stored conversation, or its state could not be read.</summary>
    public required string Restarted { get; init; }

    /// <summary>Said when two messages raced and this one could not be applied.</summary>
    public required string Conflict { get; init; }

    /// <summary>Said when a prompt gives up after its maximum number of attempts.</summary>
    public required string TooManyAttempts { get; init; }

    /// <summary>Said when a top-level command interrupts a waiting dialog.</summary>
    public required string SwitchingTopic { get; init; }

    /// <summary>Default retry of a text prompt.</summary>
    public required string TextRetry { get; init; }

    /// <summary>Default retry of a number prompt.</summary>
    public required string NumberRetry { get; init; }

    /// <summary>Default retry of a choice prompt.</summary>
    public required string ChoiceRetry { get; init; }

    /// <summary>Default retry of a confirm prompt.</summary>
    public required string ConfirmRetry { get; init; }

    /// <summary>Default retry of a date/time prompt.</summary>
    public required string DateTimeRetry { get; init; }

    /// <summary>Default retry of an attachment prompt that requires a picture.</summary>
    public required string AttachmentRetry { get; init; }

    /// <summary>Default retry of an attachment prompt that may be skipped.</summary>
    public required string AttachmentRetryOrSkip { get; init; }

    /// <summary>The "yes" button of a confirm prompt.</summary>
    public required string Yes { get; init; }

    /// <summary>The "no" button of a confirm prompt.</summary>
    public required string No { get; init; }

    /// <summary>The "skip" button of an attachment prompt.</summary>
    public required string Skip { get; init; }

    /// <summary>One line of a numbered choice list: (number, title).</summary>
    public required Func<int, string, string> NumberedChoice { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static EngineTexts Chinese { get; } = new()
    {
        Cancelled = "好的，已取消。需要时随时叫我。",
        NothingToCancel = "现在没有进行中的事情，不用取消。",
        HelpFallback = "请回答上面的问题。",
        HelpFooter = "想结束当前操作，随时说“取消”。",
        Expired = "上次的对话隔得太久了，我们重新开始吧。",
        Restarted = "我刚更新过，刚才的对话需要重新开始，抱歉。",
        Conflict = "刚才同时收到了几条消息，这条没处理上，请再发一次。",
        TooManyAttempts = "好像一直没对上，我们先停在这里。需要时再叫我。",
        SwitchingTopic = "好的，先放下刚才的事。",
        TextRetry = "请用文字回复。",
        NumberRetry = "请回复一个数字，例如 20。",
        ChoiceRetry = "请从下面选一个，也可以回复序号。",
        ConfirmRetry = "请回复“是”或“否”。",
        DateTimeRetry = "没看懂这个时间，可以说“昨天下午”或“10月8日”。",
        AttachmentRetry = "请发一张照片。",
        AttachmentRetryOrSkip = "请发一张照片，不需要的话回复“跳过”。",
        Yes = "是",
        No = "否",
        Skip = "跳过",
        NumberedChoice = (number, title) => $"{number}. {title}",
    };

    /// <summary>English.</summary>
    public static EngineTexts English { get; } = new()
    {
        Cancelled = "OK, cancelled. Message me whenever you need me.",
        NothingToCancel = "There is nothing in progress to cancel.",
        HelpFallback = "Please answer the question above.",
        HelpFooter = "Say \"cancel\" at any time to stop.",
        Expired = "It has been a while since we last talked, so let's start over.",
        Restarted = "I was just updated and have to start that conversation over. Sorry!",
        Conflict = "I got several messages at once and could not handle this one. Please send it again.",
        TooManyAttempts = "We seem to be stuck, so I'll stop here. Message me again whenever you like.",
        SwitchingTopic = "OK, leaving that for now.",
        TextRetry = "Please reply with some text.",
        NumberRetry = "Please reply with a number, for example 20.",
        ChoiceRetry = "Please pick one of these, or reply with its number.",
        ConfirmRetry = "Please answer yes or no.",
        DateTimeRetry = "I didn't get that date. Try \"yesterday afternoon\" or \"Oct 8\".",
        AttachmentRetry = "Please send a photo.",
        AttachmentRetryOrSkip = "Please send a photo, or say \"skip\" if you have none.",
        Yes = "Yes",
        No = "No",
        Skip = "Skip",
        NumberedChoice = (number, title) => $"{number}. {title}",
    };

    /// <inheritdoc />
    public static EngineTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No engine texts for this language."),
    };
}
