namespace ChatReport.Dialogs.Recognition;

/// <summary>Which way to resolve a date that names no year or week (10月8日, 周六).</summary>
public enum DateTimePreference
{
    /// <summary>The most recent one not after now: what happened (a deed being reported).</summary>
    Past = 0,

    /// <summary>The next one not before today: what is planned (a service task).</summary>
    Future = 1,
}
