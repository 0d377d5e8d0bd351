using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Runtime;

/// <summary>The bot as nothing but its dialogs: every turn goes to the <see cref="DialogRunner"/>.</summary>
public sealed class DialogBot : IBot
{
    private readonly DialogRunner _runner;

    /// <summary>Creates the bot over <paramref name="runner"/>.</summary>
    public DialogBot(DialogRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <inheritdoc />
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _runner.RunAsync(turnContext, cancellationToken);
}
