using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bench;

/// <summary>
/// The real bot on Kestrel (loopback, random port) with a temporary database; <c>settings</c>
/// adds configuration, e.g. the authentication keys that point it at a local identity provider.
/// </summary>
internal sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly bool _teamsLimits;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _folder = Directory.CreateTempSubdirectory("chatreport-bench-").FullName;

    public BotHost(bool teamsLimits, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _teamsLimits = teamsLimits;
        _settings = settings ?? new Dictionary<string, string?>();
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

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
