using ChatReport.Conversation.Notices;

namespace ChatReport.Bot.Tests.Groups;

/// <summary>The real desk, except that every export comes out 1 byte over the chat limit.</summary>
public sealed class OversizeNoticeDesk(INoticeDesk inner) : INoticeDesk
{
    public Task<QuarterId?> LastEndedQuarterAsync(CancellationToken cancellationToken) => inner.LastEndedQuarterAsync(cancellationToken);

    public Task<NoticePreview?> PreviewAsync(long unitId, QuarterId quarter, CancellationToken cancellationToken) => inner.PreviewAsync(unitId, quarter, cancellationToken);

    public Task<NoticeSignOffResult> SignOffAsync(long unitId, QuarterId quarter, long memberId, CancellationToken cancellationToken) =>
        inner.SignOffAsync(unitId, quarter, memberId, cancellationToken);

    public async Task<NoticeExport?> ExportAsync(long unitId, QuarterId quarter, NoticeExportFormat format, string? locale, CancellationToken cancellationToken) =>
        await inner.ExportAsync(unitId, quarter, format, locale, cancellationToken) is { } file
            ? file with { Content = new byte[ExportNoticeDialog.MaxFileBytes + 1] }
            : null;

    public bool TakesInlineFiles(string channelId) => inner.TakesInlineFiles(channelId);

    public bool CanWritePdf => inner.CanWritePdf;
}
