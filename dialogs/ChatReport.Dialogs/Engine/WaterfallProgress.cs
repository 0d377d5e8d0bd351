using System.Text.Json;

namespace ChatReport.Dialogs.Engine;

/// <summary>What a waterfall keeps on the stack: the step it is at and its step state.</summary>
internal sealed record WaterfallProgress(int Step, JsonElement State);
