using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bench;

/// <summary>The real bot on Kestrel (loopback, random port) with a temporary database.</summary>
internal sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly bool _teamsLimits;
    private readonly string _folder = Directory.CreateTempSubdirectory("chatreport-bench-").FullName;

    public BotHost(bool teamsLimits)
    {
        _teamsLimits = teamsLimits;
        // Outside a test project the factory cannot find the bot's source folder; the bot needs
        // no content files, so its build output will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CHATREPORT_BOT", AppContext.BaseDirectory);
    }

    public Uri MessagesUrl
    {
        get
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(new Uri(address), "/api/messages");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:ChatReport", $"Data Source={Path.Combine(_folder, "bench.db")}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (!_teamsLimits)
        {
            // Measure the bot, not Teams' 7-per-second pacing of one conversation.
            builder.UseSetting("Connector:PermitsPerSecond", "1000");
            builder.UseSetting("Connector:PermitsPerHalfMinute", "10000");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
