using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Bot.Tests.Review;

public static class FlowExtensions
{
    /// <summary>Sends <paramref name="text"/> from the account "test:<paramref name="user"/>".</summary>
    public static DialogTestFlow SendAs(this DialogTestFlow flow, string user, string text) =>
        flow.Send(new Activity { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = user, Name = user } });
}
