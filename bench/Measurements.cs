namespace ChatReport.Bench;

internal sealed class Measurements(BenchSettings settings, TextWriter output)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"measure {settings.DatabasePath}: not written yet");
    }
}
