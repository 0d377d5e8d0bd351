using ChatReport.Bot.Scheduling;
using ChatReport.Conversation.Deductions;
using ChatReport.Conversation.Review;
using ChatReport.Conversation.Tasks;

namespace ChatReport.Bot.Notifications;

public static class NotificationsExtensions
{
    /// <summary>Proactive notices about claims, deductions and tasks, and the daily review reminders.</summary>
    public static IHostApplicationBuilder AddChatReportNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ReviewOptions>()
            .BindConfiguration(ReviewOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<MemberMessenger>();
        builder.Services.AddSingleton<IReviewNotifier, ReviewNotifier>();
        builder.Services.AddSingleton<IDeductionNotifier, DeductionNotifier>();
        builder.Services.AddSingleton<ITaskNotifier, TaskNotifier>();
        builder.Services.AddClockedJob<ReviewReminders>();
        return builder;
    }
}
