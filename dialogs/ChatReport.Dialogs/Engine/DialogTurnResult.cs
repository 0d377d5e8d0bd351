using System.Diagnostics.CodeAnalysis;

namespace ChatReport.Dialogs.Engine;

/// <summary>
/// What a dialog operation did to the stack, and the result of the dialog that completed, if any.
/// Immutable; the results are in-memory values handed from a child to its parent in the same
/// turn, so they keep their type (no JSON round trip in between).
/// </summary>
public sealed record DialogTurnResult
{
    private DialogTurnResult(DialogTurnStatus status, object? result)
    {
        Status = status;
        Result = result;
    }

    /// <summary>Nothing was on the stack.</summary>
    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty, null);

    /// <summary>A dialog is waiting for the user.</summary>
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting, null);

    /// <summary>Everything was cancelled.</summary>
    public static DialogTurnResult Cancelled { get; } = new(DialogTurnStatus.Cancelled, null);

    /// <summary>Where the stack stands.</summary>
    public DialogTurnStatus Status { get; }

    /// <summary>The completed dialog's result (only when <see cref="Status"/> is <see cref="DialogTurnStatus.Complete"/>).</summary>
    public object? Result { get; }

    /// <summary>The last dialog ended without a result.</summary>
    public static DialogTurnResult Complete() => new(DialogTurnStatus.Complete, null);

    /// <summary>The last dialog ended with <paramref name="result"/>.</summary>
    public static DialogTurnResult Complete<TResult>(TResult result) => new(DialogTurnStatus.Complete, result);

    /// <summary>The result as <typeparamref name="TResult"/>, when the stack completed with one of that type.</summary>
    public bool TryGetResult<TResult>([MaybeNullWhen(false)] out TResult result)
    {
        if (Status == DialogTurnStatus.Complete && Result is TResult typed)
        {
            result = typed;
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>The result as <typeparamref name="TResult"/>; throws when the stack did not complete with one.</summary>
    public TResult GetResult<TResult>() =>
        TryGetResult<TResult>(out var result)
            ? result
            : throw new InvalidOperationException(
                $"The dialog turn is {Status} with a result of type {Result?.GetType().Name ?? "null"}, not a completed {typeof(TResult).Name}.");
}
