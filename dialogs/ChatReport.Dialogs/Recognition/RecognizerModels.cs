using System.Collections.Concurrent;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Microsoft.Recognizers.Text models, built once per culture and shared, as the library's own
/// static helpers share them. The difference is the first use: the helpers let every caller that
/// finds no model build one, so the first turns of a busy start each built the whole Chinese date
/// model (hundreds of regular expressions, seconds of CPU on a loaded machine) at the same time;
/// here one caller builds it and the others wait for that one.
/// </summary>
/// <typeparam name="TModel">The model type.</typeparam>
internal sealed class RecognizerModels<TModel>
    where TModel : class
{
    private readonly ConcurrentDictionary<string, Lazy<TModel>> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<string, TModel> _build;

    /// <summary>Creates the set; <paramref name="build"/> makes the model of a culture.</summary>
    public RecognizerModels(Func<string, TModel> build) => _build = build;

    /// <summary>Runs <paramref name="use"/> with the model of <paramref name="culture"/>.</summary>
    public TResult Use<TResult, TState>(string culture, TState state, Func<TModel, TState, TResult> use) =>
        use(_models.GetOrAdd(culture, c => new Lazy<TModel>(() => _build(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value, state);
}
