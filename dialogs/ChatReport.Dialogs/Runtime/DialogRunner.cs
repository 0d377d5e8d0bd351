using System.Security.Cryptography;
using System.Text;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Interruptions;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.State;
using ChatReport.Dialogs.Turns;
using Microsoft.Extensions.Logging;

namespace ChatReport.Dialogs.Runtime;

/// <summary>
/// Runs one turn of a conversation's dialogs: loads the stack of (channel, conversation, user),
/// lets the interruption handlers look at the message, continues the stack, begins the root
/// dialog only when the stack was empty (and the activity is a message), and saves the stack
/// when it changed. Replies are held until the save succeeded.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A stack stored by other dialogs (another <see cref="DialogSetVersion"/>), unreadable, or
/// untouched for <see cref="DialogRunnerOptions.ExpireAfter"/> is dropped on the next message, with a
/// polite word, and that message starts afresh.</item>
/// <item>A save that lost a race (<see cref="DialogStateConflictException"/>) writes nothing; the
/// runner drops the turn's replies and reruns it once on the fresh state; if it loses again the
/// user is asked to send the message again. Domain writes made during a turn must therefore be
/// idempotent per activity or join the store's transaction.</item>
/// <item>Any other exception propagates, with the turn's replies dropped and nothing saved.</item>
/// </list>
/// </remarks>
public sealed class DialogRunner
{
    private readonly Dialog _root;
    private readonly DialogSet _rootSet;
    private readonly IDialogStateStore _store;
    private readonly IReadOnlyList<IInterruptionHandler> _interruptionHandlers;
    private readonly TimeProvider _timeProvider;
    private readonly DialogRunnerOptions _options;
    private readonly TimeZoneInfo _defaultTimeZone;
    private readonly ILogger<DialogRunner> _logger;

    /// <summary>Creates the runner for <paramref name="rootDialog"/>; <paramref name="interruptionHandlers"/> are asked in order.</summary>
    public DialogRunner(
        Dialog rootDialog,
        IDialogStateStore store,
        IEnumerable<IInterruptionHandler> interruptionHandlers,
        TimeProvider timeProvider,
        DialogRunnerOptions options,
        ILogger<DialogRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(rootDialog);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(interruptionHandlers);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ExpireAfter, TimeSpan.Zero);
        _root = rootDialog;
        _rootSet = new DialogSet().Add(rootDialog);
        _store = store;
        _interruptionHandlers = [.. interruptionHandlers];
        _timeProvider = timeProvider;
        _options = options;
        _defaultTimeZone = UserLocale.FindTimeZone(options.DefaultTimeZoneId);
        _logger = logger;
        DialogSetVersion = options.DialogSetVersion ?? HashVersion(rootDialog.GetVersion());
    }

    /// <summary>The version stored with every stack this runner saves.</summary>
    public string DialogSetVersion { get; }

    /// <summary>
    /// Runs the turn and returns where the stack ended up (for tests and hosts; the user has
    /// already been answered). Throws <see cref="ArgumentException"/> for an activity without
    /// channel, conversation or sender id.
    /// </summary>
    public async Task<DialogTurnResult> RunAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = DialogStateKey.From(turnContext.Activity);
        var conflicts = 0;
        var discardStored = false;
        while (true)
        {
            var turn = new BufferedTurnContext(turnContext);
            try
            {
                var result = await RunOnceAsync(turn, key, discardStored, cancellationToken);
                await turn.FlushAsync(cancellationToken);
                return result;
            }
            catch (DialogStateConflictException exception) when (conflicts++ == 0)
            {
                _logger.LogInformation(exception, "Dialog state of {Channel}/{Conversation} changed during the turn; rerunning it on fresh state", key.ChannelId, key.ConversationId);
            }
            catch (DialogStateConflictException exception)
            {
                _logger.LogWarning(exception, "Dialog state of {Channel}/{Conversation} changed during the turn twice; asking the user to resend", key.ChannelId, key.ConversationId);
                var locale = UserLocale.Resolve(turnContext.Activity, null, _defaultTimeZone);
                await turnContext.SendTextAsync(EngineTexts.ForLanguage(locale.Language).Conflict, cancellationToken);
                return DialogTurnResult.Empty;
            }
            catch (DialogStateFormatException exception) when (!discardStored)
            {
                _logger.LogWarning(exception, "Dialog state of {Channel}/{Conversation} could not be read; restarting the conversation", key.ChannelId, key.ConversationId);
                discardStored = true;
            }
        }
    }

    /// <summary>Forgets the stack of the turn's conversation and user (after a turn error, so it cannot loop).</summary>
    public Task ResetAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return _store.DeleteAsync(DialogStateKey.From(turnContext.Activity), cancellationToken);
    }

    private async Task<DialogTurnResult> RunOnceAsync(BufferedTurnContext turn, DialogStateKey key, bool discardStored, CancellationToken cancellationToken)
    {
        var isMessage = turn.Activity.IsType(ActivityTypes.Message);
        var now = _timeProvider.GetUtcNow();
        var stored = await _store.LoadAsync(key, cancellationToken);
        var (conversation, restart) = Restore(stored, now, discardStored);
        if (restart is not null && !isMessage)
        {
            // Leave the stale stack for the next message, which tells the user.
            return DialogTurnResult.Empty;
        }

        var locale = UserLocale.Resolve(turn.Activity, conversation.Language, _defaultTimeZone);
        conversation.Language = locale.Language;
        var dc = new DialogContext(_rootSet, turn, conversation.Dialogs, locale, null);
        if (restart is { } reason)
        {
            _logger.LogInformation("Restarting the dialogs of {Channel}/{Conversation}: {Reason}", key.ChannelId, key.ConversationId, reason);
            var texts = dc.Texts<EngineTexts>();
            await turn.SendTextAsync(reason == RestartReason.Expired ? texts.Expired : texts.Restarted, cancellationToken);
        }

        var result = await RunDialogsAsync(dc, isMessage, cancellationToken);
        await SaveAsync(key, stored, conversation, now, cancellationToken);
        return result;
    }

    private async Task<DialogTurnResult> RunDialogsAsync(DialogContext dc, bool isMessage, CancellationToken cancellationToken)
    {
        if (isMessage)
        {
            foreach (var handler in _interruptionHandlers)
            {
                if (await handler.InterruptAsync(dc, cancellationToken))
                {
                    return dc.Stack.Count == 0 ? DialogTurnResult.Cancelled : DialogTurnResult.Waiting;
                }
            }
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty && isMessage)
        {
            result = await dc.BeginDialogAsync(_root.Id, cancellationToken);
        }

        return result;
    }

    private (ConversationDialogState Conversation, RestartReason? Restart) Restore(StoredDialogState? stored, DateTimeOffset now, bool discardStored)
    {
        if (stored is null)
        {
            return (new ConversationDialogState(), null);
        }

        ConversationDialogState? parsed = null;
        try
        {
            parsed = ConversationDialogState.FromJson(stored.StateJson);
        }
        catch (DialogStateFormatException exception)
        {
            _logger.LogWarning(exception, "Stored dialog state is unreadable");
        }

        var fresh = new ConversationDialogState { Language = parsed?.Language };
        var hadStack = parsed is null || parsed.Dialogs.Stack.Count > 0;
        if (parsed is null || discardStored)
        {
            return (fresh, hadStack ? RestartReason.Unreadable : null);
        }

        if (!string.Equals(stored.DialogSetVersion, DialogSetVersion, StringComparison.Ordinal))
        {
            return (fresh, hadStack ? RestartReason.DialogsChanged : null);
        }

        if (hadStack && now - stored.LastAccessAt >= _options.ExpireAfter)
        {
            return (fresh, RestartReason.Expired);
        }

        return (parsed, null);
    }

    private async Task SaveAsync(DialogStateKey key, StoredDialogState? stored, ConversationDialogState conversation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (stored is null && conversation.Dialogs.Stack.Count == 0)
        {
            return;
        }

        var json = conversation.ToJson();
        if (stored is not null
            && string.Equals(stored.StateJson, json, StringComparison.Ordinal)
            && string.Equals(stored.DialogSetVersion, DialogSetVersion, StringComparison.Ordinal))
        {
            return;
        }

        await _store.SaveAsync(key, new DialogStateUpdate(json, DialogSetVersion, now, stored?.Version), cancellationToken);
    }

    private static string HashVersion(string version) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)))[..16];
}
