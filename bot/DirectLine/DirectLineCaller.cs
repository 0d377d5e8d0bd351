namespace ChatReport.Bot.DirectLine;

/// <summary>Who called the client API: the secret holder (any conversation) or a token's holder (one).</summary>
public sealed record DirectLineCaller(DirectLineToken? Token)
{
    public static DirectLineCaller SecretHolder { get; } = new((DirectLineToken?)null);

    public bool HasSecret => Token is null;

    /// <summary>True when this caller may open <paramref name="conversationId"/>.</summary>
    public bool MayOpen(string conversationId) => Token is null || string.Equals(Token.ConversationId, conversationId, StringComparison.Ordinal);
}
