namespace ChatReport.Bot.Tests.Metrics;

/// <summary>
/// Tests that read exported metrics run alone: OpenTelemetry listens to every meter named
/// ChatReport in the process, so another test host's turns would be counted too.
/// </summary>
[CollectionDefinition("Exported metrics", DisableParallelization = true)]
public sealed class ExportedMetricsTests;
