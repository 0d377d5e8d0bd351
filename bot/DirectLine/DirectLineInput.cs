using System.Text.Json;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatReport.Bot.DirectLine;

/// <summary>Reading and checking what clients and the bot send; every failure is a 4xx ErrorResponse.</summary>
public static class DirectLineInput
{
    public const int MaxIdLength = 128;
    public const int MaxNameLength = 256;

    /// <summary>Parses a JSON body into <typeparamref name="T"/>; an empty body gives <paramref name="empty"/>.</summary>
    public static (T? Value, JsonHttpResult<ErrorResponse>? Error) Parse<T>(RequestBody body, int limit, T? empty = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.TooLarge)
        {
            return (null, DirectLineErrors.TooBig(limit));
        }

        if (body.IsEmpty)
        {
            return (empty, null);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body.Bytes, DirectLineJson.Options);
            return value is null ? (null, DirectLineErrors.Unreadable("The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, DirectLineErrors.Unreadable($"The body is not valid JSON for this request: {ex.Message}"));
        }
    }

    /// <summary>Reads one activity, which must at least name its type.</summary>
    public static async Task<(Activity? Activity, JsonHttpResult<ErrorResponse>? Error)> ReadActivityAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body.IsEmpty && !body.TooLarge)
        {
            return (null, DirectLineErrors.MissingValue("The request has no activity."));
        }

        var (activity, error) = Parse<Activity>(body, limit);
        if (activity is null)
        {
            return (null, error);
        }

        return string.IsNullOrWhiteSpace(activity.Type)
            ? (null, DirectLineErrors.MissingValue("The activity has no type."))
            : (activity, null);
    }

    /// <summary>Null when <paramref name="id"/> is acceptable as a user id, else why not.</summary>
    public static string? CheckUserId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "A user id is required."
        : id.Length > MaxIdLength ? $"A user id has at most {MaxIdLength} characters."
        : id.Any(char.IsControl) ? "A user id cannot contain control characters."
        : null;

    /// <summary>Null when <paramref name="name"/> is acceptable as a display name (or absent), else why not.</summary>
    public static string? CheckName(string? name) =>
        name is null ? null
        : name.Length > MaxNameLength ? $"A name has at most {MaxNameLength} characters."
        : name.Any(char.IsControl) ? "A name cannot contain control characters."
        : null;
}
