using ChatReport.Bot.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.Authentication;

/// <summary>
/// A host with only <c>AddChatReportAuthentication</c> in it, configured from an in-memory
/// dictionary (no environment variables, so a machine's IDENTITY_ENDPOINT cannot leak in).
/// </summary>
public sealed class AuthenticationTestHost : IDisposable
{
    public const string AppId = "7d3c1a52-0c4e-4a8e-9b6e-2f1f6c1e5a01";
    public const string AppPassword = "very-secret-password-9f8e7d";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly IHost _host;

    public AuthenticationTestHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging(logging => logging.AddProvider(Logs));
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.AddChatReportAuthentication();
        configure?.Invoke(builder.Services);
        _host = builder.Build();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _host.Services;

    public IChannelAuthenticator Authenticator => Services.GetRequiredService<IChannelAuthenticator>();

    public IConnectorCredentials Credentials => Services.GetRequiredService<IConnectorCredentials>();

    /// <summary>Settings for a MultiTenant bot whose every Bot Framework URL points at the fake provider.</summary>
    public static Dictionary<string, string?> Settings(FakeIdentityProvider provider) => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = AppPassword,
        ["ToBotFromChannelOpenIdMetadataUrl"] = provider.ChannelMetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = provider.EmulatorMetadataUrl,
        ["ToChannelFromBotLoginUrl"] = new Uri(provider.BaseAddress, "/botframework.com").AbsoluteUri,
    };

    public Task StartAsync(CancellationToken cancellationToken) => _host.StartAsync(cancellationToken);

    public void Dispose() => _host.Dispose();
}
