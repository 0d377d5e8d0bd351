namespace ChatReport.Bot.Digests;

/// <summary>Rolls back a digest queued after its claim passed to another instance.</summary>
internal sealed class DigestClaimLostException : Exception
{
    public DigestClaimLostException()
        : base("The digest's claim passed to another instance.")
    {
    }
}
