namespace ChatReport.Bench;

/// <summary>One reading of a bot process from /proc/&lt;pid&gt;.</summary>
internal sealed record ProcessSample(double PeakRssMb, double RssMb, int Threads, int OpenFds);
