namespace ChatReport.Conversation.Notices;

/// <summary>The quarterly public notice (张榜公示) as the chat sees it: preview, sign-off and export.</summary>
public interface INoticeDesk
{
    /// <summary>The last quarter that has ended, in the cycles' time zone.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quarter, or null when no cycle covers it.</returns>
    Task<QuarterId?> LastEndedQuarterAsync(CancellationToken cancellationToken);

    /// <summary>What a branch's notice of a quarter holds, for the confirmation question.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="quarter">The quarter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The preview, or null when the branch or the cycle does not exist.</returns>
    Task<NoticePreview?> PreviewAsync(long unitId, QuarterId quarter, CancellationToken cancellationToken);

    /// <summary>
    /// The secretary signs the quarter off: only the branch's secretary, only once the quarter is
    /// over. Locks the quarter and posts the notice to the branch's groups. Idempotent.
    /// </summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="quarter">The quarter.</param>
    /// <param name="memberId">Who signs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    Task<NoticeSignOffResult> SignOffAsync(long unitId, QuarterId quarter, long memberId, CancellationToken cancellationToken);

    /// <summary>The notice as a file.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="quarter">The quarter.</param>
    /// <param name="format">Workbook or CSV.</param>
    /// <param name="locale">The reader's locale, for the headings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file, or null when the branch or the cycle does not exist.</returns>
    Task<NoticeExport?> ExportAsync(long unitId, QuarterId quarter, NoticeExportFormat format, string? locale, CancellationToken cancellationToken);

    /// <summary>Whether a channel shows files sent inline as data: URIs (Web Chat, Direct Line, the Emulator); Teams needs a file-consent exchange instead.</summary>
    /// <param name="channelId">The activity's channel id.</param>
    /// <returns>True when the file can be attached to a reply.</returns>
    bool TakesInlineFiles(string channelId);

    /// <summary>Whether the server can write the printable PDF (it needs a Chinese TrueType font).</summary>
    bool CanWritePdf { get; }
}
