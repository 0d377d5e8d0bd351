using System.Globalization;

namespace ChatReport.Bench.Digests;

/// <summary>
/// The scale and the clock of a benchmark run, from the command line. <see cref="PostgreSql"/>,
/// when given, is the Npgsql connection string of the database the measurements run on instead
/// of the SQLite file (which is still generated, and exported there).
/// </summary>
internal sealed record BenchSettings(
    string DatabasePath,
    string RulesPath,
    int Members,
    int Branches,
    long Entries,
    int SendsPerSecond,
    int PacedSample,
    string? PostgreSql)
{
    /// <summary>A year of claims up to the evening measured: 30 December, in the fourth quarter.</summary>
    public DateOnly CycleStart { get; } = new(2026, 1, 1);

    public DateOnly Today { get; } = new(2026, 12, 30);

    /// <summary>Ten seconds after that day's 20:00 (Beijing) digest instant.</summary>
    public DateTimeOffset Now { get; } = new(2026, 12, 30, 12, 0, 10, TimeSpan.Zero);

    public static BenchSettings Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        return new BenchSettings(
            Value("--db", "bench/results/city.db"),
            Value("--rules", Path.Combine(AppContext.BaseDirectory, "rules.default.json")),
            int.Parse(Value("--members", "426000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--branches", "15000"), CultureInfo.InvariantCulture),
            long.Parse(Value("--entries", "20000000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--sends-per-second", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Value("--paced-sample", "600"), CultureInfo.InvariantCulture),
            Array.IndexOf(args, "--postgres") >= 0 ? Value("--postgres", string.Empty) : null);
    }
}
