namespace ChatReport.Bot.Tests.Authentication;

/// <summary>A token request as the fake identity provider saw it: form fields or query parameters, and headers.</summary>
public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, string> Headers);
