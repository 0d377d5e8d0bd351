using System.Text.Json;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Conversation.Review;

/// <summary>
/// Claims as reviewers see them: an Adaptive Card where the channel renders one, a hero card
/// elsewhere, and the plain commands in the text always, so a reviewer can type what a button
/// would send.
/// </summary>
public static class ClaimCards
{
    /// <summary>How many claims of a list get buttons; the rest are lines of text.</summary>
    public const int MaxButtonedClaims = 5;

    /// <summary>Whether the channel shows Adaptive Cards with <c>Action.Submit</c>.</summary>
    /// <param name="channelId">The Bot Framework channel id.</param>
    /// <returns>True for Teams, Web Chat, Direct Line and the Emulator.</returns>
    public static bool RendersAdaptiveCards(string? channelId) =>
        channelId is "msteams" or "webchat" or "directline" or "emulator";

    /// <summary>The message telling a reviewer about one claim: text with the commands, and a card with the photo and buttons.</summary>
    /// <param name="message">The message to fill (addressing already set).</param>
    /// <param name="heading">The first line (who submitted, or why the claim is shown).</param>
    /// <param name="view">The claim.</param>
    /// <param name="texts">The reviewer's texts.</param>
    /// <returns>The message with text and one attachment.</returns>
    public static Activity ForClaim(Activity message, string heading, ClaimView view, ReviewTexts texts)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(texts);
        var claim = view.Claim;
        var text = string.Join('\n',
            heading,
            texts.CardTitle(claim.Id, view.MemberName),
            $"{texts.LabelRule}：{view.RuleName}",
            $"{texts.LabelWhat}：{claim.Description}",
            $"{texts.LabelWhen}：{texts.WhenOf(view)}",
            $"{texts.LabelWhere}：{claim.Place ?? texts.NoPlace}",
            $"{texts.LabelPoints}：{texts.Points(claim.ClaimedPoints)}",
            texts.CommandsHint(claim.Id));
        var attachment = RendersAdaptiveCards(message.ChannelId) ? AdaptiveCard(view, texts) : HeroCard(view, texts);
        return message with { Text = text, Attachments = [attachment] };
    }

    /// <summary>The pending list: one line per claim, buttons for the first few, and the commands in the text.</summary>
    /// <param name="message">The message to fill (addressing already set).</param>
    /// <param name="views">The pending claims, oldest first.</param>
    /// <param name="total">How many are pending in all (may exceed the list).</param>
    /// <param name="texts">The reviewer's texts.</param>
    /// <returns>The message.</returns>
    public static Activity ForList(Activity message, IReadOnlyList<ClaimView> views, int total, ReviewTexts texts)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(texts);
        var lines = new List<string> { texts.PendingHeader(total) };
        lines.AddRange(views.Select(v => Line(v, texts)));
        if (total > views.Count)
        {
            lines.Add(texts.PendingMore(total - views.Count));
        }

        lines.Add(texts.PendingHint);
        var buttoned = views.Take(MaxButtonedClaims).ToList();
        if (RendersAdaptiveCards(message.ChannelId))
        {
            var body = new List<object>();
            foreach (var view in buttoned)
            {
                body.Add(new { type = "TextBlock", text = Line(view, texts), wrap = true, separator = body.Count > 0 });
                body.Add(new { type = "ActionSet", actions = Actions(view.Claim.Id, texts) });
            }

            return message with { Text = string.Join('\n', lines), Attachments = [Card(body, [])] };
        }

        // Elsewhere a row of buttons under the list approves the oldest claims with one tap.
        return message with
        {
            Text = string.Join('\n', lines),
            SuggestedActions = new SuggestedActions
            {
                Actions = [.. buttoned.Select(v => CardAction.SayBack(texts.CommandApprove(v.Claim.Id), texts.CommandApprove(v.Claim.Id)))],
            },
        };
    }

    /// <summary>One compact line for a claim.</summary>
    /// <param name="view">The claim.</param>
    /// <param name="texts">The reader's texts.</param>
    /// <returns>The line.</returns>
    public static string Line(ClaimView view, ReviewTexts texts)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(texts);
        return texts.PendingLine(view.Claim.Id, view.MemberName, view.RuleName, view.Claim.ClaimedPoints, view.Claim.OccurredOn);
    }

    private static Attachment AdaptiveCard(ClaimView view, ReviewTexts texts)
    {
        var claim = view.Claim;
        var body = new List<object>
        {
            new { type = "TextBlock", text = texts.CardTitle(claim.Id, view.MemberName), weight = "Bolder", size = "Medium", wrap = true },
            new
            {
                type = "FactSet",
                facts = new[]
                {
                    new { title = texts.LabelRule, value = view.RuleName },
                    new { title = texts.LabelWhat, value = claim.Description },
                    new { title = texts.LabelWhen, value = texts.WhenOf(view) },
                    new { title = texts.LabelWhere, value = claim.Place ?? texts.NoPlace },
                    new { title = texts.LabelPoints, value = texts.Points(claim.ClaimedPoints) },
                },
            },
        };
        body.AddRange(Photos(claim).Select(url => (object)new { type = "Image", url, size = "Large" }));
        return Card(body, Actions(claim.Id, texts));
    }

    private static Attachment HeroCard(ClaimView view, ReviewTexts texts)
    {
        var claim = view.Claim;
        var content = new
        {
            title = texts.CardTitle(claim.Id, view.MemberName),
            subtitle = $"{view.RuleName} · {texts.Points(claim.ClaimedPoints)}",
            text = $"{claim.Description}（{texts.WhenOf(view)}，{claim.Place ?? texts.NoPlace}）",
            images = Photos(claim).Take(1).Select(url => new { url }).ToArray(),
            buttons = new[]
            {
                CardAction.SayBack(texts.ButtonApprove, texts.CommandApprove(claim.Id)),
                CardAction.SayBack(texts.ButtonReject, texts.CommandReject(claim.Id)),
                CardAction.SayBack(texts.ButtonAdjust, texts.CommandAdjust(claim.Id)),
                CardAction.SayBack(texts.ButtonChangeRule, texts.CommandChangeRule(claim.Id)),
            },
        };
        return new Attachment { ContentType = Attachment.HeroCardContentType, Content = JsonSerializer.SerializeToElement(content, JsonOptions) };
    }

    private static object[] Actions(long claimId, ReviewTexts texts) =>
    [
        Submit(texts.ButtonApprove, texts.CommandApprove(claimId)),
        Submit(texts.ButtonReject, texts.CommandReject(claimId)),
        Submit(texts.ButtonAdjust, texts.CommandAdjust(claimId)),
        Submit(texts.ButtonChangeRule, texts.CommandChangeRule(claimId)),
    ];

    /// <summary>An <c>Action.Submit</c> that sends <paramref name="command"/> as if typed.</summary>
    /// <param name="title">The button's label.</param>
    /// <param name="command">The command text.</param>
    /// <returns>The action, ready to serialize.</returns>
    public static object Submit(string title, string command) =>
        new { type = "Action.Submit", title, data = CardCommand.SubmitData(command, command) };

    /// <summary>An Adaptive Card 1.5 attachment.</summary>
    /// <param name="body">The card's elements.</param>
    /// <param name="actions">The card's actions.</param>
    /// <returns>The attachment.</returns>
    public static Attachment Card(IReadOnlyList<object> body, IReadOnlyList<object> actions)
    {
        var card = new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card, JsonOptions) };
    }

    private static IEnumerable<string> Photos(Domain.Claim claim) =>
        claim.Attachments
            .Where(a => a.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(a.ContentUrl, UriKind.Absolute, out _))
            .Select(a => a.ContentUrl!);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
