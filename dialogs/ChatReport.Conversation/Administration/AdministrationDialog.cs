using ChatReport.Dialogs.Engine;

namespace ChatReport.Conversation.Administration;

/// <summary>A dialog of the administration commands: 帮助 inside it lists them.</summary>
public abstract class AdministrationDialog : ComponentDialog
{
    /// <summary>Creates the dialog.</summary>
    /// <param name="dialogId">The dialog's id.</param>
    protected AdministrationDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<AdministrationTexts>().AdministrationHelp;
    }
}
