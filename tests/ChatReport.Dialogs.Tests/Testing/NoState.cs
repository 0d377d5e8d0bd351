namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>Step state for waterfalls that remember nothing.</summary>
public sealed record NoState;
