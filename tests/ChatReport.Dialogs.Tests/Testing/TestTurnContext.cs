using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>A turn without HTTP: what the bot sends is collected in order.</summary>
public sealed class TestTurnContext(Activity activity) : ITurnContext
{
    private int _sent;

    public Activity Activity { get; } = activity;

    public List<Activity> Sent { get; } = [];

    public bool Responded => Sent.Count > 0;

    public TurnState TurnState { get; } = new();

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Sent.Add(activity);
        return Task.FromResult(new ResourceResponse($"reply-{++_sent}"));
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse(activity.Id));

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
}
