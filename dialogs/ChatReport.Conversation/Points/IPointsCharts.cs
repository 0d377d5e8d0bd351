using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Points;

/// <summary>Points by month against the branch, with a picture for channels that show one.</summary>
public interface IPointsCharts
{
    /// <summary>The member's points by month of <paramref name="cycle"/> up to <paramref name="today"/>, against the branch's median.</summary>
    /// <param name="member">The member.</param>
    /// <param name="cycle">The cycle.</param>
    /// <param name="today">The member's local day.</param>
    /// <param name="language">The labels' language.</param>
    /// <param name="channelId">The channel, which decides whether a chart is attached.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The months and the chart.</returns>
    Task<MonthlyPoints> MonthlyAsync(Member member, Cycle cycle, DateOnly today, ReplyLanguage language, string channelId, CancellationToken cancellationToken);
}
