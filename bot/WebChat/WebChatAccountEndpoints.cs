using System.Security.Cryptography;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.WebChat;

/// <summary>
/// Signing in to the Web Chat page: the server, never the browser, decides who a browser is. A
/// first visit joins with a code (or links with a 绑定 code); the member gets a Direct Line user id
/// of the server's choosing and the browser a long-lived cookie naming its session row.
/// </summary>
public static class WebChatAccountEndpoints
{
    public const string NotSignedIn = "NotSignedIn";
    private const int MaxBodyBytes = 4 * 1024;

    /// <summary><c>GET me</c>, <c>POST signin</c>, <c>POST signout</c>, <c>GET devices</c>, <c>POST devices/{id}/signout</c>.</summary>
    public static RouteGroupBuilder MapWebChatAccount(this RouteGroupBuilder webChat)
    {
        ArgumentNullException.ThrowIfNull(webChat);
        webChat.MapGet("/me", GetAccountAsync);
        webChat.MapPost("/signin", SignInAsync);
        webChat.MapPost("/signout", SignOutAsync);
        webChat.MapGet("/devices", ListDevicesAsync);
        webChat.MapPost("/devices/{id}/signout", SignOutDeviceAsync);
        return webChat;
    }

    public static async Task<JsonHttpResult<WebChatAccount>> GetAccountAsync(
        HttpContext context, WebSessionStore sessions, IMemberDirectory members, IOrganisation organisation, IOptions<WebChatOptions> options, CancellationToken cancellationToken)
    {
        var current = await WebChatSession.FindAsync(context, sessions, members, cancellationToken);
        return TypedResults.Json(await AccountAsync(current, organisation, options.Value, cancellationToken), DirectLineJson.Options);
    }

    public static async Task<Results<JsonHttpResult<WebChatAccount>, JsonHttpResult<ErrorResponse>>> SignInAsync(
        HttpContext context,
        IJoinCodes codes,
        ILinkCodes linkCodes,
        IMemberDirectory members,
        IOrganisation organisation,
        WebSessionStore sessions,
        IOptions<WebChatOptions> options,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, cancellationToken);
        var (input, error) = DirectLineInput.Parse<WebChatSignInRequest>(body, MaxBodyBytes);
        if (input is null)
        {
            return error ?? DirectLineErrors.MissingValue("Send {mode, code, name?}.");
        }

        var code = TextNormalizer.ForMatching(input.Code);
        if (code.Length is 0 or > 16)
        {
            return DirectLineErrors.MissingValue("A code is required.");
        }

        var userId = "web-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        Member member;
        if (string.Equals(input.Mode, "link", StringComparison.OrdinalIgnoreCase))
        {
            var redeemed = await linkCodes.RedeemAsync(code, DirectLineChannel.ChannelId, userId, null, cancellationToken);
            switch (redeemed.Status)
            {
                case LinkRedemptionStatus.Linked:
                    member = redeemed.Member!;
                    break;
                case LinkRedemptionStatus.TooManyAttempts:
                    return TooManyAttempts();
                default:
                    return WrongCode();
            }
        }
        else
        {
            var attempt = new JoinAttempt("webchat", WebChatExtensions.ClientAddress(context), null);
            var check = await codes.CheckAsync(code, attempt, cancellationToken);
            if (check.Status == JoinCodeCheckStatus.TooManyAttempts)
            {
                return TooManyAttempts();
            }

            if (check.Code is not { } found)
            {
                return WrongCode();
            }

            var name = found.MemberId is { } personId
                ? (await members.GetAsync(personId, cancellationToken))?.DisplayName
                : PersonName.Normalize(input.Name);
            if (found.MemberId is null)
            {
                if (string.IsNullOrEmpty(name))
                {
                    return DirectLineErrors.Create(StatusCodes.Status400BadRequest, "NeedName", "This code needs your name, as on the branch roster.");
                }

                if (!PersonName.IsAcceptable(name))
                {
                    return DirectLineErrors.Create(StatusCodes.Status400BadRequest, "BadName", $"A name has 1 to {PersonName.MaxLength} characters and no @.");
                }

                if (input.ConfirmNamesake != true && await HasLinkedNamesakeAsync(members, found.UnitId, name, cancellationToken))
                {
                    return DirectLineErrors.Create(StatusCodes.Status409Conflict, "Namesake", name);
                }
            }

            var joined = await members.JoinAsync(
                new JoinRequest(found.Code, DirectLineChannel.ChannelId, userId, null, name ?? "-", ThrottleAs: attempt), cancellationToken);
            switch (joined.Status)
            {
                case JoinStatus.Joined:
                    member = joined.Member!;
                    break;
                case JoinStatus.TooManyAttempts:
                    return TooManyAttempts();
                case JoinStatus.NeedsPersonalCode:
                    return DirectLineErrors.Create(StatusCodes.Status409Conflict, "NeedsPersonalCode", name!);
                default:
                    return WrongCode();
            }
        }

        var session = await sessions.CreateAsync(member.Id, userId, context.Request.Headers.UserAgent.ToString(), cancellationToken);
        await WebChatSession.SignInAsync(context, session);
        return TypedResults.Json(await AccountAsync(new WebChatSession(session, member), organisation, options.Value, cancellationToken), DirectLineJson.Options);
    }

    public static async Task<Results<NoContent, JsonHttpResult<ErrorResponse>>> SignOutAsync(
        HttpContext context, WebSessionStore sessions, IMemberDirectory members, CancellationToken cancellationToken)
    {
        if (await WebChatSession.FindAsync(context, sessions, members, cancellationToken) is { } current)
        {
            await sessions.RevokeAsync(current.Session.Id, current.Member.Id, cancellationToken);
        }

        await context.SignOutAsync(WebChatExtensions.Scheme);
        return TypedResults.NoContent();
    }

    /// <summary>The signed-in browsers of the member asking, or (for their secretary or an administrator) of another member.</summary>
    public static async Task<Results<JsonHttpResult<IReadOnlyList<WebChatDevice>>, JsonHttpResult<ErrorResponse>>> ListDevicesAsync(
        HttpContext context, long? memberId, WebSessionStore sessions, IMemberDirectory members, CancellationToken cancellationToken)
    {
        if (await WebChatSession.FindAsync(context, sessions, members, cancellationToken) is not { } current)
        {
            return SignInFirst();
        }

        var owner = memberId ?? current.Member.Id;
        if (!await MayManageAsync(members, current.Member, owner, cancellationToken))
        {
            return DirectLineErrors.Missing("No such member among those you look after.");
        }

        IReadOnlyList<WebChatDevice> devices =
            [.. (await sessions.ListAsync(owner, cancellationToken)).Select(s => new WebChatDevice(s.Id, s.CreatedAt, s.LastSeenAt, s.UserAgent, s.Id == current.Session.Id))];
        return TypedResults.Json(devices, DirectLineJson.Options);
    }

    /// <summary>Signs one browser out: the member's own, or one of a member their secretary (or an administrator) looks after.</summary>
    public static async Task<Results<NoContent, JsonHttpResult<ErrorResponse>>> SignOutDeviceAsync(
        HttpContext context, string id, WebSessionStore sessions, IMemberDirectory members, CancellationToken cancellationToken)
    {
        if (await WebChatSession.FindAsync(context, sessions, members, cancellationToken) is not { } current)
        {
            return SignInFirst();
        }

        // Someone else's device and a device that does not exist get the same answer.
        if (id.Length > 64 || await sessions.GetAsync(id, cancellationToken) is not { RevokedAt: null } target
            || !await MayManageAsync(members, current.Member, target.MemberId, cancellationToken))
        {
            return DirectLineErrors.Missing("No such device among those you look after.");
        }

        await sessions.RevokeAsync(target.Id, current.Member.Id, cancellationToken);
        if (target.Id == current.Session.Id)
        {
            await context.SignOutAsync(WebChatExtensions.Scheme);
        }

        return TypedResults.NoContent();
    }

    internal static JsonHttpResult<ErrorResponse> SignInFirst() =>
        DirectLineErrors.Create(StatusCodes.Status401Unauthorized, NotSignedIn, "Sign in with a join code or a 绑定 code first.");

    private static JsonHttpResult<ErrorResponse> WrongCode() =>
        DirectLineErrors.Create(StatusCodes.Status400BadRequest, "WrongCode", "The code is wrong or no longer works.");

    private static JsonHttpResult<ErrorResponse> TooManyAttempts() =>
        DirectLineErrors.Create(StatusCodes.Status429TooManyRequests, "TooManyAttempts", "Too many wrong codes; try again later.");

    private static async Task<WebChatAccount> AccountAsync(WebChatSession? current, IOrganisation organisation, WebChatOptions options, CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return new WebChatAccount(false, options.PickIdentity);
        }

        var unit = await organisation.GetUnitAsync(current.Member.UnitId, cancellationToken);
        return new WebChatAccount(true, options.PickIdentity, current.Member.DisplayName, unit?.Name, current.Session.UserId);
    }

    // The member themselves, the secretary of their branch, or an administrator above it.
    private static async Task<bool> MayManageAsync(IMemberDirectory members, Member actor, long memberId, CancellationToken cancellationToken)
    {
        if (actor.Id == memberId)
        {
            return true;
        }

        if (await members.GetAsync(memberId, cancellationToken) is not { } member)
        {
            return false;
        }

        return await members.IsAdministratorOfAsync(actor.Id, member.UnitId, cancellationToken)
            || (await members.GetRolesAsync(actor.Id, cancellationToken)).Any(r => r.Role == Role.Secretary && r.UnitId == member.UnitId);
    }

    // As in chat (JoinDialog): a name someone already uses is most likely them on a new device.
    private static async Task<bool> HasLinkedNamesakeAsync(IMemberDirectory members, long unitId, string name, CancellationToken cancellationToken)
    {
        foreach (var namesake in (await members.ListMembersAsync(unitId, cancellationToken)).Where(m => PersonName.AreSame(m.DisplayName, name)))
        {
            if ((await members.ListAccountsAsync(namesake.Id, cancellationToken)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
