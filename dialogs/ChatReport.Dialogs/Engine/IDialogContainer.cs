namespace ChatReport.Dialogs.Engine;

/// <summary>A dialog that runs its own stack of children (a component dialog).</summary>
internal interface IDialogContainer
{
    /// <summary>The context of the children of <paramref name="instance"/>, which is on <paramref name="dc"/>'s stack.</summary>
    DialogContext CreateChildContext(DialogContext dc, DialogInstance instance);
}
