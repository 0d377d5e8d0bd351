using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatReport.Bench;

/// <summary>
/// A bot in its own OS process on a loopback port: ChatReport's Release build or the SDK peer.
/// Separate processes give honest RSS figures and can be killed with SIGKILL.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly string _fileName;
    private readonly Func<int, IEnumerable<string>> _arguments;
    private readonly string _logPath;
    private Process? _process;
    private StreamWriter? _log;

    private BotProcess(string name, string fileName, Func<int, IEnumerable<string>> arguments, string logPath)
    {
        Name = name;
        _fileName = fileName;
        _arguments = arguments;
        _logPath = logPath;
    }

    public string Name { get; }

    public int Port { get; private set; }

    public int Pid => _process?.Id ?? 0;

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public Uri MessagesUrl => new(BaseUrl, "api/messages");

    /// <summary>ChatReport's built ChatReport.Bot.dll on a SQLite file; settings as command-line overrides.</summary>
    public static BotProcess ChatReport(string botDll, string databasePath, string logPath, params string[] settings) =>
        new("ChatReport", "dotnet", port =>
        [
            botDll,
            "--urls", $"http://127.0.0.1:{port}",
            $"--ConnectionStrings:ChatReport=Data Source={databasePath}",
            "--Logging:LogLevel:Default=Warning",
            // The group commit's totals at shutdown: commits (fsyncs) per turn.
            "--Logging:LogLevel:ChatReport.Bot.Storage.Connections.GroupCommit=Information",
            // Measure the bot, not Teams' pacing of one conversation (7 sends/s).
            "--Connector:PermitsPerSecond=1000",
            "--Connector:PermitsPerHalfMinute=10000",
            .. settings,
        ], logPath);

    /// <summary>The botbuilder-js peer in bench/peer.</summary>
    public static BotProcess Sdk(string peerFolder, string codesPath, string logPath) =>
        new("SDK", "node", port =>
        [
            Path.Combine(peerFolder, "index.js"),
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--codes", codesPath,
            "--claims", Path.ChangeExtension(codesPath, ".claims.jsonl"),
        ], logPath);

    /// <summary>Starts the process (on the same port as before when restarted) and waits until /healthz answers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Port == 0)
        {
            Port = FreePort();
        }

        var start = new ProcessStartInfo(_fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments(Port))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _log ??= new StreamWriter(_logPath, append: true) { AutoFlush = true };
        var log = _log;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} while starting; see {_logPath}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "healthz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{Name} did not answer /healthz within 90 s; see {_logPath}");
    }

    public bool IsAlive => _process is { HasExited: false };

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM and a wait for a graceful exit, then SIGKILL.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Peak and current RSS, threads and open descriptors from /proc.</summary>
    public ProcessSample Sample()
    {
        var pid = Pid;
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string key) => long.Parse(
            status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture);
        return new ProcessSample(Kb("VmHWM:") / 1024.0, Kb("VmRSS:") / 1024.0, (int)Kb("Threads:"), Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (_log is not null)
        {
            await _log.DisposeAsync();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
