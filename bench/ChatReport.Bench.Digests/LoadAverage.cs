namespace ChatReport.Bench.Digests;

/// <summary>The machine is shared: the load average goes next to every figure.</summary>
internal static class LoadAverage
{
    public static string Now()
    {
        var fields = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : [];
        return fields.Length >= 3 ? $"load average {fields[0]} {fields[1]} {fields[2]}" : "load average unknown";
    }
}
