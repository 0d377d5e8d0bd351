using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ChatReport.Conversation.Main;
using ChatReport.Dialogs.Engine;

namespace ChatReport.Bot.Tests.Architecture;

/// <summary>
/// The two dialog projects, read from their built assemblies: neither has a namespace that
/// depends on itself through others, and the engine names nothing of ChatReport's conversation.
/// </summary>
public sealed class DialogLayeringTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> s_dialogs =
        new(() => new ArchLoader().LoadAssemblies(typeof(Dialog).Assembly, typeof(MainDialog).Assembly).Build());

    [Theory]
    [InlineData("ChatReport.Dialogs")]
    [InlineData("ChatReport.Conversation")]
    public void NoNamespaceDependsOnItselfThroughAnother(string root)
    {
        var rule = SliceRuleDefinition.Slices().Matching(root + ".(**)").Should().BeFreeOfCycles();

        var cycles = rule.Evaluate(s_dialogs.Value).Where(result => !result.Passed).Select(result => result.Description).ToList();

        Assert.True(cycles.Count == 0, $"Namespace cycles in {root}:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void TheEngineNamesNothingOfTheConversation()
    {
        var leaks = s_dialogs.Value.Types
            .Where(type => type.Namespace.FullName.StartsWith("ChatReport.Dialogs.", StringComparison.Ordinal))
            .SelectMany(type => type.Dependencies.Select(dependency => (From: type, To: dependency.Target)))
            .Where(pair => pair.To.Namespace.FullName.StartsWith("ChatReport.Conversation", StringComparison.Ordinal))
            .Select(pair => $"{pair.From.FullName} -> {pair.To.FullName}")
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(leaks);
    }

    [Fact]
    public void TheRulesSeeBothProjects()
    {
        // Guards the rules above against passing because nothing was loaded.
        var namespaces = s_dialogs.Value.Namespaces.Select(n => n.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["ChatReport.Dialogs.Engine", "ChatReport.Dialogs.Prompts", "ChatReport.Conversation.Main", "ChatReport.Conversation.Domain", "ChatReport.Conversation.Claims"], StringComparer.Ordinal), namespaces);
    }
}
