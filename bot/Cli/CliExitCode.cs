namespace ChatReport.Bot.Cli;

public static class CliExitCode
{
    public const int Success = 0;

    /// <summary>The command could not do what was asked (unknown branch, unreadable file, bad header…).</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;
}
