namespace ChatReport.Dialogs.Turns;

/// <summary>The bot's logic, whatever channel the activity came from.</summary>
public interface IBot
{
    /// <summary>Handles one inbound activity.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
