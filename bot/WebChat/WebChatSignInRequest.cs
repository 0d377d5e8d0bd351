namespace ChatReport.Bot.WebChat;

/// <summary>
/// A first visit: a join code (with the person's name, unless it is a personal code), or a 绑定
/// code from an account the member already uses.
/// </summary>
/// <param name="Mode"><c>join</c> (default) or <c>link</c>.</param>
/// <param name="Code">The code as typed.</param>
/// <param name="Name">The person's name, as on the roster (join with the branch's code only).</param>
/// <param name="ConfirmNamesake">True once the person said they are another member of the same name.</param>
public sealed record WebChatSignInRequest(string? Mode, string? Code, string? Name, bool? ConfirmNamesake);
