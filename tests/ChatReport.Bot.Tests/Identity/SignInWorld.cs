using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.DirectLine;
using ChatReport.Bot.WebChat;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Identity;

/// <summary>
/// The real host on a real port with the sign-in page (no picking of identities): two branches,
/// 山岔村 with a join code and a secretary on the roster (with her personal code), and 河口村.
/// Browsers are HTTP clients with their own cookie jars.
/// </summary>
public sealed class SignInWorld : IAsyncDisposable
{
    private SignInWorld(DirectLineApplication app)
    {
        App = app;
    }

    public DirectLineApplication App { get; }

    public OrgUnit Branch { get; private set; } = null!;

    public OrgUnit OtherBranch { get; private set; } = null!;

    public string Code { get; private set; } = "";

    public string OtherCode { get; private set; } = "";

    public string SecretaryCode { get; private set; } = "";

    public Member Secretary { get; private set; } = null!;

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<SignInWorld> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null, string? databasePath = null, bool seed = true)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal) { ["WebChat:PickIdentity"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var world = new SignInWorld(new DirectLineApplication(databasePath, settings: all));
        _ = world.App.BaseAddress;
        if (seed)
        {
            await world.SeedAsync();
        }

        return world;
    }

    public HttpClient Browser(CookieContainer? jar = null) =>
        new(new HttpClientHandler { CookieContainer = jar ?? new CookieContainer(), UseCookies = true }) { BaseAddress = App.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string code, string? name = null, string mode = "join", bool? confirmNamesake = null) =>
        await browser.PostAsJsonAsync("webchat/signin", new { mode, code, name, confirmNamesake }, Cancel);

    public static async Task<WebChatAccount> MeAsync(HttpClient browser) =>
        (await browser.GetFromJsonAsync<WebChatAccount>("webchat/me", DirectLineJson.Options, Cancel))!;

    public static async Task<WebChatTokenResponse> TokenAsync(HttpClient browser, object? body = null)
    {
        using var response = await browser.PostAsJsonAsync("webchat/token", body ?? new { }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<WebChatTokenResponse>(DirectLineJson.Options, Cancel))!;
    }

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return body.RootElement.GetProperty("error").GetProperty("code").GetString()!;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private async Task SeedAsync()
    {
        var services = App.Services;
        var units = services.GetRequiredService<IOrganisation>();
        var members = services.GetRequiredService<IMemberDirectory>();
        var codes = services.GetRequiredService<IJoinCodes>();
        var committee = await units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "山岔村党委"), null, Cancel);
        Branch = await units.CreateUnitAsync(new NewOrgUnit(committee.Id, OrgUnitKind.Branch, "山岔村党支部"), null, Cancel);
        OtherBranch = await units.CreateUnitAsync(new NewOrgUnit(committee.Id, OrgUnitKind.Branch, "河口村党支部"), null, Cancel);
        Secretary = await members.AddMemberAsync(Branch.Id, "李书记", null, Cancel);
        await members.GrantRoleAsync(Branch.Id, Secretary.Id, Role.Secretary, canReview: true, null, Cancel);
        Code = (await codes.IssueAsync(Branch.Id, null, null, null, Cancel)).Code;
        OtherCode = (await codes.IssueAsync(OtherBranch.Id, null, null, null, Cancel)).Code;
        SecretaryCode = (await codes.IssuePersonalAsync(Secretary.Id, null, null, Cancel))!.Code;
    }
}
