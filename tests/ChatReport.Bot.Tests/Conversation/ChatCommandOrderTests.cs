using ChatReport.Bot.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Main;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Bot.Tests.Conversation;

/// <summary>The one declared command order is the order messages are matched in and the order help shows.</summary>
public sealed class ChatCommandOrderTests
{
    [Fact]
    public async Task HelpShowsTheCommandsInTheDeclaredOrder()
    {
        await using var app = new ChatReportApplication().WithSetting("Administrators:0", "msteams:29:admin");
        using var client = app.CreateClient();
        var admin = BotChat.For(app, client, userId: "29:admin", userName: "Admin");
        var registered = app.Get<IEnumerable<IChatCommand>>().ToList();
        var declared = ChatCommandOrder.Commands
            .Select(type => registered.SingleOrDefault(c => c.GetType() == type))
            .OfType<IChatCommand>()
            .Select(c => c.HelpLine(ReplyLanguage.Chinese))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var menu = string.Join("\n", await admin.SayAsync("帮助")).Split('\n').Where(line => line.StartsWith("· ", StringComparison.Ordinal)).ToList();
        // The last line is 帮助 itself; the others are commands the administrator may use.
        var shown = menu[..^1].Select(line => line[2..]).ToList();

        Assert.True(shown.Count >= 10, string.Join("\n", shown));
        Assert.Equal(declared.Where(shown.Contains).ToList(), shown);
    }

    [Fact]
    public void ACommandWithoutAPlaceInTheOrderStopsTheBot()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChatCommandOrder.Arrange([new StrayCommand()]));

        Assert.Contains(nameof(StrayCommand), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCatalogAsksTheRegisteredCommandsInTheDeclaredOrderWhateverTheRegistrationOrder()
    {
        await using var app = new ChatReportApplication();
        var registered = app.Get<IEnumerable<IChatCommand>>().Reverse().ToList();

        var arranged = ChatCommandOrder.Arrange(registered).Select(c => c.GetType()).ToList();

        Assert.Equal(ChatCommandOrder.Commands.Where(arranged.Contains).ToList(), arranged);
        Assert.Equal(app.Get<ChatCommandCatalog>().Commands.Select(c => c.GetType()), arranged);
    }

    private sealed class StrayCommand : IChatCommand
    {
        public Dialog Dialog => throw new NotSupportedException();

        public CommandAudience Audience => CommandAudience.Members;

        public CommandMatch? Match(string text) => null;

        public string HelpLine(ReplyLanguage language) => "stray";
    }
}
