namespace ChatReport.Bot.Digests;

/// <summary>
/// Draws the evening digest's picture; the charts feature implements it, so that digests need
/// nothing of how a chart is drawn.
/// </summary>
public interface IDigestChart
{
    /// <summary>The PNG for this digest on this channel, or null where the channel shows no picture.</summary>
    /// <param name="content">The digest.</param>
    /// <param name="channelId">The group's channel.</param>
    /// <param name="locale">The group's locale.</param>
    /// <returns>The PNG bytes, or null.</returns>
    byte[]? Draw(DigestContent content, string channelId, string? locale);
}
