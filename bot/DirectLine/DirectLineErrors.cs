using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// Error bodies in the service's <c>ErrorResponse</c> shape. The codes are the Bot Framework's
/// (<c>BadArgument</c>, <c>BadSyntax</c>, <c>MissingProperty</c>, <c>MessageSizeTooBig</c>) and
/// Direct Line's (<c>TokenExpired</c>, <c>BotError</c>, <c>BotRejectedActivity</c>); status codes
/// and codes are the stable part, messages may change.
/// </summary>
public static class DirectLineErrors
{
    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string TokenExpired = "TokenExpired";
    public const string NotFound = "NotFound";
    public const string BadArgument = "BadArgument";
    public const string BadSyntax = "BadSyntax";
    public const string MissingProperty = "MissingProperty";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string BotError = "BotError";
    public const string BotRejectedActivity = "BotRejectedActivity";

    public static JsonHttpResult<ErrorResponse> Create(int statusCode, string code, string message) =>
        TypedResults.Json(new ErrorResponse(new ErrorDetail(code, message)), DirectLineJson.Options, statusCode: statusCode);

    public static JsonHttpResult<ErrorResponse> NotAuthorized(string message) => Create(StatusCodes.Status401Unauthorized, Unauthorized, message);

    public static JsonHttpResult<ErrorResponse> Expired() =>
        Create(StatusCodes.Status403Forbidden, TokenExpired, "The token has expired; start again with a new one.");

    public static JsonHttpResult<ErrorResponse> NotAllowed(string message) => Create(StatusCodes.Status403Forbidden, Forbidden, message);

    public static JsonHttpResult<ErrorResponse> Missing(string message) => Create(StatusCodes.Status404NotFound, NotFound, message);

    public static JsonHttpResult<ErrorResponse> Invalid(string message) => Create(StatusCodes.Status400BadRequest, BadArgument, message);

    public static JsonHttpResult<ErrorResponse> Unreadable(string message) => Create(StatusCodes.Status400BadRequest, BadSyntax, message);

    public static JsonHttpResult<ErrorResponse> MissingValue(string message) => Create(StatusCodes.Status400BadRequest, MissingProperty, message);

    public static JsonHttpResult<ErrorResponse> TooBig(int limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, MessageSizeTooBig, $"The request is larger than {limit} bytes.");
}
