using System.Globalization;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// Finds a <typeparamref name="TFound"/> by name in the units the actor manages: asks for the name
/// when it is missing and offers a choice when names repeat. Begun with a
/// <typeparamref name="TLookup"/>; ends with the <typeparamref name="TFound"/>, or with no result
/// after telling the user why.
/// </summary>
/// <typeparam name="TLookup">What the lookup is begun with.</typeparam>
/// <typeparam name="TFound">What it finds.</typeparam>
public abstract class FindByNameDialog<TLookup, TFound> : AdministrationDialog
    where TLookup : class, INameLookup
    where TFound : class
{
    private const string NamePrompt = "NamePrompt";
    private readonly char _valuePrefix;

    /// <summary>Creates the dialog's steps: the name, the search, the pick when names repeat.</summary>
    /// <param name="dialogId">The dialog's id.</param>
    /// <param name="valuePrefix">Starts the choices' values, which must not look like list numbers, or "2" would pick #2 instead of the second line.</param>
    /// <param name="members">The member directory.</param>
    /// <param name="organisation">The units.</param>
    protected FindByNameDialog(string dialogId, char valuePrefix, IMemberDirectory members, IOrganisation organisation)
        : base(dialogId)
    {
        _valuePrefix = valuePrefix;
        Members = members;
        Organisation = organisation;
        AddDialog(WaterfallDialog.Create<TLookup, TLookup>(nameof(WaterfallDialog), o => o, AskStepAsync, SearchStepAsync, PickedStepAsync));
        AddDialog(new TextPrompt(NamePrompt));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
    }

    /// <summary>The member directory.</summary>
    protected IMemberDirectory Members { get; }

    /// <summary>The units.</summary>
    protected IOrganisation Organisation { get; }

    /// <summary>The question when the name is missing.</summary>
    /// <param name="lookup">The lookup.</param>
    /// <param name="texts">The texts in the user's language.</param>
    /// <returns>The question.</returns>
    protected abstract string AskName(TLookup lookup, AdministrationTexts texts);

    /// <summary>What has <paramref name="name"/> in <paramref name="scope"/>.</summary>
    /// <param name="lookup">The lookup.</param>
    /// <param name="scope">The active units the actor manages.</param>
    /// <param name="name">The name, as matched (<see cref="TextNormalizer.ForMatching"/>).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What was found, possibly several.</returns>
    protected abstract Task<IReadOnlyList<TFound>> SearchAsync(TLookup lookup, IReadOnlyList<OrgUnit> scope, string name, CancellationToken cancellationToken);

    /// <summary>Why nothing was found.</summary>
    /// <param name="texts">The texts in the user's language.</param>
    /// <param name="name">The name looked for.</param>
    /// <returns>The reply.</returns>
    protected abstract string NotFound(AdministrationTexts texts, string name);

    /// <summary>The question when several have the name.</summary>
    /// <param name="texts">The texts in the user's language.</param>
    /// <param name="name">The name looked for.</param>
    /// <returns>The question.</returns>
    protected abstract string Which(AdministrationTexts texts, string name);

    /// <summary>The id of <paramref name="found"/> and its line in the choice, with what tells it apart.</summary>
    /// <param name="found">One of several found.</param>
    /// <param name="texts">The texts in the user's language.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Its id and title.</returns>
    protected abstract Task<(long Id, string Title)> ChoiceAsync(TFound found, AdministrationTexts texts, CancellationToken cancellationToken);

    /// <summary>The one picked, if it can still be used.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>It, or null.</returns>
    protected abstract Task<TFound?> GetAsync(long id, CancellationToken cancellationToken);

    private async Task<DialogTurnResult> AskStepAsync(WaterfallStepContext<TLookup> step, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(step.State.Name)
            ? await step.PromptAsync(NamePrompt, new PromptOptions { Prompt = AskName(step.State, step.Texts<AdministrationTexts>()), MaxAttempts = 3 }, cancellationToken)
            : await step.NextAsync(step.State.Name, cancellationToken);

    private async Task<DialogTurnResult> SearchStepAsync(WaterfallStepContext<TLookup> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        var name = TextNormalizer.ForMatching(step.Result as string);
        var scope = await AdministrationAccess.ManagedUnitsAsync(Members, Organisation, step.State.ActorId, step.State.WithSecretaryUnits, cancellationToken);
        var found = await SearchAsync(step.State, scope, name, cancellationToken);
        switch (found.Count)
        {
            case 0:
                // The same answer whether or not it exists outside the sender's scope.
                await step.Context.SendTextAsync(NotFound(texts, name), cancellationToken);
                return await step.EndDialogAsync(cancellationToken);
            case 1:
                return await step.EndDialogAsync(found[0], cancellationToken);
            default:
                var choices = new List<Choice>();
                foreach (var one in found)
                {
                    var (id, title) = await ChoiceAsync(one, texts, cancellationToken);
                    choices.Add(new Choice(string.Create(CultureInfo.InvariantCulture, $"{_valuePrefix}{id}")) { Title = title });
                }

                return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions { Prompt = Which(texts, name), Choices = choices, Style = ListStyle.List, MaxAttempts = 3 }, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> PickedStepAsync(WaterfallStepContext<TLookup> step, CancellationToken cancellationToken)
    {
        var id = long.Parse(((FoundChoice)step.Result!).Value.AsSpan(1), CultureInfo.InvariantCulture);
        return await GetAsync(id, cancellationToken) is { } picked
            ? await step.EndDialogAsync(picked, cancellationToken)
            : await step.EndDialogAsync(cancellationToken);
    }
}
