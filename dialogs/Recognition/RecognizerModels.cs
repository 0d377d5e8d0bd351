using System.Collections.Concurrent;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Microsoft.Recognizers.Text models, built once per culture and reused. The library's static
/// helpers (<c>DateTimeRecognizer.RecognizeDateTime</c>, <c>NumberRecognizer.RecognizeNumber</c>)
/// build a new recognizer, and with it every regular expression of the culture's model, on every
/// call: for Chinese dates that was most of a report turn's time. Each model is lent to one caller
/// at a time, so nothing depends on the library's models being safe to share between threads; as
/// many are built as are used at once.
/// </summary>
/// <typeparam name="TModel">The model type.</typeparam>
internal sealed class RecognizerModels<TModel>
    where TModel : class
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<TModel>> _idle = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, TModel> _build;

    /// <summary>Creates the pool; <paramref name="build"/> makes the model of a culture.</summary>
    public RecognizerModels(Func<string, TModel> build) => _build = build;

    /// <summary>Runs <paramref name="use"/> with the model of <paramref name="culture"/>, no one else using it meanwhile.</summary>
    public TResult Use<TResult, TState>(string culture, TState state, Func<TModel, TState, TResult> use)
    {
        var idle = _idle.GetOrAdd(culture, static _ => []);
        var model = idle.TryTake(out var lent) ? lent : _build(culture);
        try
        {
            return use(model, state);
        }
        finally
        {
            idle.Add(model);
        }
    }
}
