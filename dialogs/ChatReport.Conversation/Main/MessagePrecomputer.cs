using ChatReport.Conversation.Claims;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Interruptions;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Main;

/// <summary>
/// Reads a member's message before the turn enters the database writer, where turns run one after
/// another: a report sentence (申报 …) is parsed exactly as the report dialog will parse it (dates
/// and numbers with Microsoft.Recognizers.Text, jieba, rule scoring), and free text that may be a
/// deed told without 申报 is read as the menu's fallbacks will read it. The results are remembered
/// by the recognizers (<see cref="RecognitionMemo{TKey, TValue}"/>), so the turn inside the writer
/// only looks them up. Button words and short answers are left alone: they need no recognizers.
/// </summary>
public sealed class MessagePrecomputer : ITurnPreparation
{
    // 是, 跳过, 提交, 我的积分: answers and commands this short never reach the recognizers.
    private const int MinLength = 6;

    private readonly ChatCommandCatalog _commands;
    private readonly IRuleBook _rules;
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly ILearnedWordBook _learned;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _defaultTimeZone;

    /// <summary>Creates the precomputer over the same stores the dialogs read.</summary>
    /// <param name="commands">The commands, to find the report sentence as the report command does.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="members">Who is speaking.</param>
    /// <param name="organisation">The member's branch, for its time zone.</param>
    /// <param name="learned">The branch's learned words.</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">The runner's options, for the default time zone.</param>
    public MessagePrecomputer(
        ChatCommandCatalog commands,
        IRuleBook rules,
        IMemberDirectory members,
        IOrganisation organisation,
        ILearnedWordBook learned,
        TimeProvider time,
        DialogRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(learned);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _commands = commands;
        _rules = rules;
        _members = members;
        _organisation = organisation;
        _learned = learned;
        _time = time;
        _defaultTimeZone = UserLocale.FindTimeZone(options.DefaultTimeZoneId);
    }

    /// <inheritdoc />
    public async Task PrepareAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = TextNormalizer.ForMatching(activity.Text);
        if (!activity.IsType(ActivityTypes.Message) || text.Length < MinLength || HelpInterruptionHandler.Words.Contains(text)
            || string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id))
        {
            return;
        }

        // Other commands (加入, 我的积分, …) recognise nothing costly.
        var command = _commands.Match(text);
        var sentence = command is { Match.Options: ReportOptions { Sentence: { } said } } ? said : null;
        if (command is not null && sentence is null)
        {
            return;
        }

        // Only members report; a stranger's turn never reaches the recognizers.
        if (await _members.FindByAccountAsync(activity.ChannelId, activity.From.Id, cancellationToken) is not { IsActive: true } member)
        {
            return;
        }

        var rules = await _rules.ListActiveAsync(cancellationToken);
        var locale = UserLocale.Resolve(activity, null, _defaultTimeZone);
        var now = _time.GetUtcNow();
        if (sentence is not null)
        {
            var learned = await _learned.ListAsync(member.UnitId, cancellationToken);
            // Deeds are told in the branch's time, as the report dialog reads them.
            var zone = DeedDays.ZoneOf(await _organisation.GetUnitAsync(member.UnitId, cancellationToken), locale.TimeZone);
            DeedSentenceParser.Parse(sentence, rules, locale with { TimeZone = zone }, now, learned);
        }
        else
        {
            MessageIntentReader.Read(activity.Text ?? text, rules);
            DeedSentenceParser.LooksLikeDeed(text, rules, locale, now);
        }
    }
}
