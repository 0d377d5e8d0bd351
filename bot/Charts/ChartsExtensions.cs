using ChatReport.Bot.Digests;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Points;

namespace ChatReport.Bot.Charts;

public static class ChartsExtensions
{
    /// <summary>The points charts members ask for in chat (drawn with the notice's Chinese font).</summary>
    public static IHostApplicationBuilder AddChatReportCharts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ChartRenderer>();
        builder.Services.AddSingleton<ChartDataStore>();
        builder.Services.AddSingleton<IDigestChart, DigestChart>();
        builder.Services.AddSingleton<IPointsCharts, PointsChartsAdapter>();
        return builder;
    }
}
