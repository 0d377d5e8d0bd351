using ChatReport.Bot.Connector;
using ChatReport.Bot.Proactive;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Notifications;

/// <summary>
/// Posts to a member's personal (1:1) conversation, found through the conversation references of
/// the member's channel accounts. A member the bot never talked to privately cannot be reached;
/// that is logged, not thrown, because the decision that caused the message is already saved.
/// </summary>
public sealed class MemberMessenger(
    IMemberDirectory members,
    ConversationReferenceStore references,
    ProactiveMessenger messenger,
    ILogger<MemberMessenger> logger)
{
    /// <summary>The member's most recent personal conversation, or null when there is none.</summary>
    public async Task<StoredConversationReference?> FindPersonalAsync(long memberId, CancellationToken cancellationToken)
    {
        StoredConversationReference? best = null;
        foreach (var account in await members.ListAccountsAsync(memberId, cancellationToken))
        {
            var found = await references.FindPersonalAsync(account.ChannelId, account.UserId, cancellationToken);
            if (found is not null && (best is null || found.UpdatedAt > best.UpdatedAt))
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>
    /// Sends the message <paramref name="build"/> makes (from a reply already addressed to the
    /// member, in the member's language). Returns false when the member could not be reached.
    /// </summary>
    public async Task<bool> SendAsync(long memberId, Func<ReplyLanguage, Activity, Activity> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var reference = await FindPersonalAsync(memberId, cancellationToken);
        if (reference is null)
        {
            logger.LogInformation("Member {MemberId} has no personal conversation with the bot; notice not sent", memberId);
            return false;
        }

        var language = UserLocale.FromLocale(reference.Locale) ?? ReplyLanguage.Chinese;
        try
        {
            await messenger.ContinueConversationAsync(
                reference.ToConversationReference(),
                (turn, ct) => turn.SendActivityAsync(build(language, turn.Activity.CreateReply()), ct),
                cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not send a notice to member {MemberId} in {ConversationId}", memberId, reference.ConversationId);
            return false;
        }
    }

    /// <summary>Sends a plain text (made in the member's language).</summary>
    public Task<bool> SendTextAsync(long memberId, Func<ReplyLanguage, string> text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SendAsync(memberId, (language, reply) => reply with { Text = text(language) }, cancellationToken);
    }
}
