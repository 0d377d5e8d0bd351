namespace ChatReport.Conversation.Domain;

/// <summary>Evidence attached to a claim, usually a photo.</summary>
/// <param name="Id">The attachment's number.</param>
/// <param name="ClaimId">The claim.</param>
/// <param name="ContentType">Its media type (image/jpeg).</param>
/// <param name="ContentUrl">Where the channel put it, if it gave a URL.</param>
/// <param name="Name">Its file name, if any.</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record ClaimAttachment(long Id, long ClaimId, string ContentType, string? ContentUrl, string? Name, DateTimeOffset CreatedAt);
