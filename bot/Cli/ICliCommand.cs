namespace ChatReport.Bot.Cli;

/// <summary>One command of <c>dotnet run --project bot -- &lt;command&gt; [options]</c>; runs against the configured database and returns the exit code.</summary>
public interface ICliCommand
{
    /// <summary>What is typed after <c>--</c> (create-branch).</summary>
    string Name { get; }

    /// <summary>The options, as shown by <c>help</c>.</summary>
    string Usage { get; }

    /// <summary>What it does, in one line.</summary>
    string Summary { get; }

    /// <summary>
    /// True (the default) when the whole command is one transaction: everything it changes, or
    /// nothing. A command that opens its own transactions (a roster, checked before its one write) says false.
    /// </summary>
    bool IsOneUnit => true;

    /// <summary>
    /// True for commands that work on the database file as it is (backup, restore): they run before
    /// the schema steps, so they also work on a file this version has not migrated or cannot open.
    /// </summary>
    bool RunsBeforeMigrations => false;

    /// <summary>Runs the command; throws <see cref="CliUsageException"/> for bad usage.</summary>
    Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken);
}
