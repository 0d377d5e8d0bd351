namespace ChatReport.Conversation.Domain;

/// <summary>Evidence to store with a new claim.</summary>
/// <param name="ContentType">Its media type (image/jpeg).</param>
/// <param name="ContentUrl">Where the channel put it, if it gave a URL.</param>
/// <param name="Name">Its file name, if any.</param>
public sealed record NewClaimAttachment(string ContentType, string? ContentUrl, string? Name);
