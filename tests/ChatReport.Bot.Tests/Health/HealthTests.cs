using System.Net;
using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatReport.Bot.Tests.Health;

public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFreshBotIsLiveAndReady()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz/live"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz/ready"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz"));
    }

    [Fact]
    public async Task ReadinessTurns503WhenTheDatabaseFileIsGoneWhileLivenessStays200()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz/ready"));

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(app.DatabasePath + suffix);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/healthz/ready"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz/live"));
    }

    [Fact]
    public async Task ReadinessTurns503WhenTheDatabaseFileIsOverwrittenWithGarbage()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();
        // The start-up round of clocked jobs writes; a checkpoint after the overwrite would put
        // the database's first page back. Let it finish, and its messages go, first.
        await app.Services.GetServices<IHostedService>().OfType<ClockedJobScheduler>().Single().WaitFirstRoundAsync(Ct);
        await app.SettleAsync();
        SqliteConnection.ClearAllPools();

        await File.WriteAllBytesAsync(app.DatabasePath, new byte[16384], Ct);
        File.Delete(app.DatabasePath + "-wal");
        File.Delete(app.DatabasePath + "-shm");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/healthz/ready"));
    }

    [Fact]
    public async Task ReadinessTurns503WhenAReplyHasWaitedInTheOutboxLongerThanTheSetting()
    {
        await using var app = new ChatReportApplication().WithSetting("Health:OutboxStuckAfter", "00:30:00");
        using var client = app.CreateClient();
        var outbox = app.Get<OutboxStore>();
        var now = app.Time.GetUtcNow();
        await outbox.AddAsync(new OutboxItem(0, "msteams", TestActivities.ServiceUrl, "conv-1", "{}", 1, now, now.AddMinutes(-20)), Ct);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz/ready"));

        app.Time.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/healthz/ready"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/healthz/live"));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return response.StatusCode;
    }
}
