using ChatReport.Bot.Authentication;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Outbox;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Dialogs.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.Support;

/// <summary>
/// The real bot host with only what must be swapped swapped: time (fake, recorded), the
/// database (a temporary file, or a fresh database on the test PostgreSQL server) and the Connector's HTTP (a <see cref="FakeConnector"/>, unless
/// a test talks to a real peer). Tests may also install a test bot or test doubles.
/// </summary>
public sealed class ChatReportApplication : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly bool _fakeConnector;
    private readonly string? _postgresDatabase;
    private readonly string _connectionString;

    public ChatReportApplication(bool fakeConnector = true, StorageProvider provider = StorageProvider.Sqlite)
    {
        _fakeConnector = fakeConnector;
        Provider = provider;
        if (provider == StorageProvider.PostgreSql)
        {
            (_postgresDatabase, _connectionString) = TestPostgres.CreateDatabase();
            _settings["Storage:Provider"] = nameof(StorageProvider.PostgreSql);
        }

        // After the server: a test skipped for want of one leaves no folder behind.
        _folder = Directory.CreateTempSubdirectory("chatreport-app-").FullName;
        _connectionString ??= $"Data Source={DatabasePath}";

        Time = new RecordingTimeProvider(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        // The clocked jobs (digests, quarterly notices, cycle rollover) would start timers on the
        // shared fake clock and post on their own; tests that want them say Digest:Enabled=true.
        _settings["Digest:Enabled"] = "false";
        // Likewise the outbox's sender: its timer would sit among the retry timers tests wait for.
        _settings["Outbox:Enabled"] = "false";
        // And the nightly backup, which would copy every test's database at start.
        _settings["Backup:Enabled"] = "false";
    }

    public RecordingTimeProvider Time { get; }

    public StorageProvider Provider { get; }

    public FakeConnector Connector { get; } = new();

    public string DatabasePath => Path.Combine(_folder, "bot.db");

    public ChatReportApplication WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public ChatReportApplication WithBot<TBot>()
        where TBot : class, IBot
    {
        _services.Add(services =>
        {
            services.RemoveAll<IBot>();
            services.AddSingleton<TBot>();
            services.AddSingleton<IBot>(provider => provider.GetRequiredService<TBot>());
        });
        return this;
    }

    public ChatReportApplication WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Waits until the outbox has delivered what was committed so far (for work not started by a POST).</summary>
    /// <remarks>A minute is far more than any test's deliveries take; past it the test fails instead of hanging.</remarks>
    public Task SettleAsync() => Get<OutboxDispatcher>().WaitIdleAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:ChatReport", _connectionString);
        // Tests build their own organisations; the demo branch is tested on its own.
        builder.UseSetting("Demo:Enabled", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter, OutboxSettling>();
            if (_fakeConnector)
            {
                services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Connector);
                // The fake Connector stands in for the channel, so no identity provider is asked for a token.
                var appId = _settings.GetValueOrDefault("MicrosoftAppId");
                services.RemoveAll<IConnectorCredentials>();
                services.AddSingleton<IConnectorCredentials>(new StaticConnectorCredentials(string.IsNullOrEmpty(appId) ? null : "test-bot-token"));
            }

            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            TestPostgres.DropDatabase(_postgresDatabase);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
