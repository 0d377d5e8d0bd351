using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ChatReport.Bot.Storage.Connections;

namespace ChatReport.Bot.Tests.Architecture;

/// <summary>
/// The layers of bot/, read from the built assembly (every type a method body touches counts,
/// not only the usings): no namespace depends on itself through others, and Storage, at the
/// bottom, uses nothing of the features above it.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "ChatReport.Bot";
    private const string Storage = "ChatReport.Bot.Storage";

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> s_bot =
        new(() => new ArchLoader().LoadAssemblies(typeof(GroupCommit).Assembly).Build());

    [Fact]
    public void NoNamespaceOfTheBotDependsOnItselfThroughAnother()
    {
        var rule = SliceRuleDefinition.Slices().Matching(Root + ".(**)").Should().BeFreeOfCycles();

        var cycles = rule.Evaluate(s_bot.Value).Where(result => !result.Passed).Select(result => result.Description).ToList();

        Assert.True(cycles.Count == 0, "Namespace cycles in bot/:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void StorageUsesNothingOfTheFeaturesAboveIt()
    {
        var upward = s_bot.Value.Types
            .Where(type => InOrBelow(type.Namespace.FullName, Storage))
            .SelectMany(type => type.Dependencies.Select(dependency => (From: type, To: dependency.Target)))
            .Where(pair => InOrBelow(pair.To.Namespace.FullName, Root) && !InOrBelow(pair.To.Namespace.FullName, Storage))
            .Select(pair => $"{pair.From.FullName} -> {pair.To.FullName}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(upward.Count == 0, "Storage depends on features:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void TheRulesSeeTheStorageNamespaces()
    {
        // Guards the two rules above against passing because nothing was loaded.
        var namespaces = s_bot.Value.Namespaces.Select(n => n.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>([Storage + ".Connections", Storage + ".Domain", Storage + ".Channels", Storage + ".Schedules", Root + ".Digests"], StringComparer.Ordinal), namespaces);
    }

    private static bool InOrBelow(string name, string root) =>
        string.Equals(name, root, StringComparison.Ordinal) || name.StartsWith(root + ".", StringComparison.Ordinal);
}
