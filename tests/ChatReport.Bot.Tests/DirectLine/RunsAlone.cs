namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>Node and Chromium are heavy on two cores: these run alone, after the rest.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
