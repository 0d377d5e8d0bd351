using System.Net;
using System.Threading.RateLimiting;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.WebChat;

public static class WebChatExtensions
{
    /// <summary>The cookie scheme of the Web Chat page's sign-in.</summary>
    public const string Scheme = "ChatReport.WebChat";

    /// <summary>The path the sign-in rate limit applies to.</summary>
    public const string SignInPath = "/webchat/signin";

    /// <summary>
    /// The Web Chat page's sign-in: the cookie (HttpOnly, SameSite=Strict, Secure over HTTPS), the
    /// data-protection keys kept in the database, the sign-in rate limit, forwarded headers
    /// (<c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c>), and the devices store.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportWebChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WebChatOptions>()
            .BindConfiguration(WebChatOptions.Section)
            .ValidateDataAnnotations()
            .Validate<IConfiguration>(
                (options, configuration) => !options.PickIdentity || ListensOnLoopbackOnly(configuration),
                "WebChat:PickIdentity lets anyone claim any user id, so it is allowed only while the bot listens on loopback (urls like http://localhost:3978 or http://127.0.0.1:3978).")
            .ValidateOnStart();
        services.AddSingleton<WebSessionStore>();
        services.AddSingleton<DataProtectionKeyStore>();

        services.AddDataProtection().SetApplicationName("ChatReport");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(s =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = s.GetRequiredService<DataProtectionKeyStore>()));

        services.AddAuthentication()
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = "chatreport.signin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Every request that needs the cookie comes from the page itself; links from a chat
                // app open the page, which then asks, so Strict costs nothing and stops cross-site posts.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<WebChatOptions>>((cookie, webChat) => cookie.ExpireTimeSpan = webChat.Value.SignInLifetime);

        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
                foreach (var proxy in Values(configuration, "ForwardedHeaders:KnownProxies"))
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in Values(configuration, "ForwardedHeaders:KnownNetworks"))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            })
            .Validate<IConfiguration>(
                (forwarded, configuration) => Values(configuration, "ForwardedHeaders:KnownProxies").All(p => IPAddress.TryParse(p, out _))
                    && Values(configuration, "ForwardedHeaders:KnownNetworks").All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "ForwardedHeaders:KnownProxies must be IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (10.0.0.0/8).")
            .ValidateOnStart();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!context.Request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                // Counted per instance; a balancer may send one address to any of them.
                var permits = context.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value
                    .ShareOf(context.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value.SignInPermitsPerMinute);
                return RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatExtensions))
                    .LogWarning("Web Chat sign-in rate limit reached for {Address}", ClientAddress(rejected.HttpContext));
                await DirectLineErrors.Create(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many sign-in attempts; try again in a minute.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });

        services.AddTransient<IStartupFilter, WebChatStartupFilter>();
        return builder;
    }

    /// <summary>The client's address (after forwarded headers), for throttling.</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return section.GetChildren().Select(c => c.Value).Append(section.Value).OfType<string>().Where(v => v.Length > 0);
    }

    internal static bool ListensOnLoopbackOnly(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? "http://localhost:3978")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.All(IsLoopback);
    }

    private static bool IsLoopback(string url)
    {
        // "http://+:80" and "http://*:80" are not URIs .NET parses; they listen everywhere anyway.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
