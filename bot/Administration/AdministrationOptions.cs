namespace ChatReport.Bot.Administration;

/// <summary>
/// Who administers the installation from the first start: <c>Administrators:0=msteams:29:abc</c>
/// (channel id, a colon, the user id as the channel sends it in <c>from.id</c>; user ids may hold
/// colons themselves), and the name of the top unit created when there is none
/// (<c>Organisation:RootName</c>).
/// </summary>
public sealed class AdministrationOptions
{
    public const string AdministratorsSection = "Administrators";
    public const string RootNameKey = "Organisation:RootName";
    public const string DefaultRootName = "党委";

    public IReadOnlyList<string> Administrators { get; set; } = [];

    public string RootName { get; set; } = DefaultRootName;

    /// <summary>Splits "channelId:userId" at the first colon; null when either part is empty.</summary>
    public static (string ChannelId, string UserId)? ParseAccount(string? account)
    {
        var text = account?.Trim();
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && colon < text!.Length - 1 ? (text[..colon], text[(colon + 1)..]) : null;
    }
}
