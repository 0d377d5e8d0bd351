using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatReport.Bench;

/// <summary>The totals ChatReport's group commit logs when the bot stops.</summary>
internal sealed partial record GroupCommitLine(long Units, long Commits)
{
    public static GroupCommitLine? Read(string logPath)
    {
        if (!File.Exists(logPath))
        {
            return null;
        }

        var match = Totals().Matches(File.ReadAllText(logPath)).LastOrDefault();
        return match is null
            ? null
            : new GroupCommitLine(long.Parse(match.Groups["units"].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups["commits"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"Group commit: (?<units>\d+) units in (?<commits>\d+) commits")]
    private static partial Regex Totals();
}
