using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatReport.Bot.Tests.Instances;

/// <summary>
/// The built bot (<c>ChatReport.Bot.dll</c> beside the tests) started as a child process on a port
/// of its own choosing, as an administrator starts it; its output is kept for the failure message.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BotProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the bot with <paramref name="settings"/> as environment variables and waits until it is ready.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatReport.Bot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var bot = new BotProcess(Process.Start(start)!);
        bot._process.OutputDataReceived += (_, line) => bot.Record(line.Data);
        bot._process.ErrorDataReceived += (_, line) => bot.Record(line.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        try
        {
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startup.CancelAfter(TimeSpan.FromSeconds(40));
            bot.BaseAddress = await bot._listening.Task.WaitAsync(startup.Token);
            bot.Client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            while (true)
            {
                try
                {
                    using var ready = await bot.Client.GetAsync(new Uri("healthz/ready", UriKind.Relative), startup.Token);
                    if (ready.IsSuccessStatusCode)
                    {
                        return bot;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100, startup.Token);
            }
        }
        catch (OperationCanceledException)
        {
            await bot.DisposeAsync();
            throw new TimeoutException($"The bot did not become ready:\n{bot.Log}");
        }
    }

    /// <summary>Ends the process at once, as a crash or a pulled plug would.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: true);
        using var exit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        exit.CancelAfter(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(exit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(exit.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed; the OS reaps it.
            }
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
