using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Runtime;

/// <summary>
/// Holds a turn's replies until its state is saved, so a turn that lost a race can be rerun (or
/// abandoned) without the user seeing the losing run's answers.
/// </summary>
internal sealed class BufferedTurnContext(ITurnContext inner) : ITurnContext
{
    private readonly List<Activity> _pending = [];

    public Activity Activity => inner.Activity;

    public bool Responded => inner.Responded || _pending.Count > 0;

    public TurnState TurnState => inner.TurnState;

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _pending.Add(activity);
        // The id exists only once the channel has the activity; buffered sends cannot know it.
        return Task.FromResult(new ResourceResponse(null));
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        inner.UpdateActivityAsync(activity, cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) =>
        inner.DeleteActivityAsync(activityId, cancellationToken);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var activity in _pending)
        {
            await inner.SendActivityAsync(activity, cancellationToken);
        }

        _pending.Clear();
    }
}
