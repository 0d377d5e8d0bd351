using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>
/// The real host on real Kestrel (port 0), with its own SQLite file, a known secret and the
/// <see cref="FakeBot"/> behind the channel. Pass a database path to start a
/// second instance on the same file (a restart).
/// </summary>
public sealed class DirectLineApplication : WebApplicationFactory<Program>
{
    public const string Secret = "test-secret-0123456789abcdef";

    private readonly string? _ownedFolder;
    private readonly Dictionary<string, string?> _settings;
    private Uri? _baseAddress;

    private readonly bool _withBot;
    private readonly Action<IServiceCollection>? _services;

    public DirectLineApplication(
        string? databasePath = null,
        FakeTimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool withSecret = true,
        bool withBot = true,
        Action<IServiceCollection>? services = null)
    {
        _withBot = withBot;
        _services = services;
        if (databasePath is null)
        {
            _ownedFolder = Directory.CreateTempSubdirectory("chatreport-dl-").FullName;
            databasePath = Path.Combine(_ownedFolder, "test.db");
        }

        DatabasePath = databasePath;
        Time = time;
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:ChatReport"] = $"Data Source={databasePath}",
            ["DirectLine:Secret"] = withSecret ? Secret : null,
            // The tests written for the local demo page pick identities; the sign-in tests turn it off.
            ["WebChat:PickIdentity"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        // Port 0 through Kestrel's own options: UseKestrel(port) rewrites the addresses while the
        // app may already be binding ("cannot be modified after the server has started", now and then).
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath { get; }

    public FakeTimeProvider? Time { get; }

    public FakeBot Bot { get; } = new();

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress
    {
        get
        {
            if (_baseAddress is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                _baseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
            }

            return _baseAddress;
        }
    }

    /// <summary>A plain HTTP client on the real socket, optionally with a bearer value.</summary>
    public HttpClient CreateHttpClient(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Starts a conversation with the secret for <paramref name="userId"/>.</summary>
    public async Task<ConversationResponse> StartConversationAsync(string? userId, string? userName = null, CancellationToken cancellationToken = default)
    {
        using var client = CreateHttpClient(Secret);
        object body = userId is null ? new { } : new { user = new { id = userId, name = userName } };
        using var response = await client.PostAsJsonAsync("v3/directline/conversations", body, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ConversationResponse>(DirectLineJson.Options, cancellationToken))!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (_withBot)
            {
                services.AddSingleton<IActivityProcessor>(Bot);
            }

            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }

            _services?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Bot.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedFolder is not null)
        {
            Directory.Delete(_ownedFolder, recursive: true);
        }
    }
}
