using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// The result of storing an activity. <paramref name="IsRetry"/> marks a client's retry of an
/// activity already stored (same sender and clientActivityID); <paramref name="Activity"/> is then
/// the stored original and <paramref name="Delivered"/> says whether the bot already took it.
/// </summary>
public sealed record AppendedActivity(Activity Activity, long Sequence, bool IsRetry, bool Delivered)
{
    public string Id => Activity.Id!;
}
