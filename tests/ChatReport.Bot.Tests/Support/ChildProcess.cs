using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ChatReport.Bot.Tests.Support;

/// <summary>What a child process printed and how it ended.</summary>
public sealed record ChildProcessResult(int ExitCode, string Output, string Errors, bool TimedOut)
{
    /// <summary>Standard output and standard error, for a failure message.</summary>
    public string Everything => $"{Output}\n{Errors}";
}

/// <summary>
/// Runs a program the tests need (node, npm, pdftotext, the bot's own process) with every wait
/// bounded: the process gets <c>limit</c>, after which it is killed with its children; and its
/// output is read for at most a few seconds after it exits, because a grandchild that outlives it
/// (a browser, its crash handler) keeps the pipes open, and a reader waiting for their end would
/// wait for ever.
/// </summary>
public static class ChildProcess
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    public static async Task<ChildProcessResult> RunAsync(ProcessStartInfo start, TimeSpan limit, CancellationToken cancellationToken, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = input is not null;
        start.UseShellExecute = false;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, output), PumpAsync(process.StandardError, errors));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var timedOut = false;
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), deadline.Token);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
        }

        try
        {
            // Only a grandchild still holding the pipes makes this wait run out; what was read is kept.
            await pumps.WaitAsync(Drain, CancellationToken.None);
        }
        catch (TimeoutException)
        {
        }
        if (timedOut)
        {
            lock (errors)
            {
                errors.AppendLine(CultureInfo.InvariantCulture, $"[{start.FileName} killed after {limit.TotalSeconds:0} s]");
            }
        }

        lock (output)
        {
            lock (errors)
            {
                return new ChildProcessResult(timedOut || !process.HasExited ? -1 : process.ExitCode, output.ToString(), errors.ToString(), timedOut);
            }
        }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }
}
