namespace ChatReport.Bot.DirectLine;

/// <summary>The outcome of reading a bearer value, mapped to 401 (missing, invalid) and 403 (expired).</summary>
public enum TokenCheck
{
    Valid,
    Missing,
    Invalid,
    Expired,
}
