using System.Globalization;

namespace ChatReport.Conversation.Common;

/// <summary>English counts with the right noun form ("1 point", "2 points"), for the English text tables.</summary>
public static class EnglishCounts
{
    /// <summary>"1 point", "-1 point", "0 points", "5 points".</summary>
    /// <param name="points">The number of points.</param>
    /// <returns>The number with its noun.</returns>
    public static string Points(int points) => Count(points, "point", "points");

    /// <summary>"1 claim", "3 claims".</summary>
    /// <param name="claims">The number of claims.</param>
    /// <returns>The number with its noun.</returns>
    public static string Claims(int claims) => Count(claims, "claim", "claims");

    /// <summary>"1 photo", "2 photos".</summary>
    /// <param name="photos">The number of photos.</param>
    /// <returns>The number with its noun.</returns>
    public static string Photos(int photos) => Count(photos, "photo", "photos");

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(Math.Abs(count) == 1 ? one : many)}");
}
