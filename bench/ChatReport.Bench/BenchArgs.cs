using System.Globalization;

namespace ChatReport.Bench;

/// <summary>--name value options of the bench command line.</summary>
internal sealed class BenchArgs(string[] args)
{
    public string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    public string Text(string name, string fallback) => Option(name) ?? fallback;

    public int Int(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Option(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => args.Contains(name);

    public int[] Ints(string name, string fallback) =>
        [.. Text(name, fallback).Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))];

    /// <summary>The built ChatReport.Bot.dll (Release by default).</summary>
    public string BotDll => Path.GetFullPath(Text("--bot-dll", "bot/bin/Release/net10.0/ChatReport.Bot.dll"));

    /// <summary>Where databases, logs and codes files go for this run.</summary>
    public string WorkFolder()
    {
        var folder = Option("--work") ?? Path.Combine("bench", "results", "run-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        return Directory.CreateDirectory(folder).FullName;
    }
}
