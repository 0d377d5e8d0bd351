namespace ChatReport.Bot.Digests;

/// <summary>An open service task members can still sign up for; <c>PlacesLeft</c> is null when unlimited.</summary>
public sealed record DigestTask(long Id, string Title, string? Place, DateTimeOffset StartsAt, int PointsEach, int? PlacesLeft);
