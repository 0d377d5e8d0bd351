namespace ChatReport.Bot.Digests;

/// <summary>A name known in both reply languages (rule names); user-written names are the same in both.</summary>
public sealed record LocalizedName(string Chinese, string English)
{
    public static LocalizedName Same(string name) => new(name, name);

    public string For(bool english) => english ? English : Chinese;
}
