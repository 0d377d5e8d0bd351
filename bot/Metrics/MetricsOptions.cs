namespace ChatReport.Bot.Metrics;

/// <summary>The Prometheus endpoint.</summary>
public sealed record MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c>. Off by default: the figures say how busy each channel is.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// Extra addresses to listen on for <c>/metrics</c> only (<c>http://127.0.0.1:9464</c>); when set,
    /// the bot's own address does not serve <c>/metrics</c> and these serve nothing else. Empty
    /// serves <c>/metrics</c> on the bot's address.
    /// </summary>
    public string? Urls { get; init; }

    public IReadOnlyList<string> UrlList =>
        string.IsNullOrWhiteSpace(Urls) ? [] : Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
