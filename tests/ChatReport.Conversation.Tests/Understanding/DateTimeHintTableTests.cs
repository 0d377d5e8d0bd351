using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Conversation.Tests.Understanding;

/// <summary>
/// The screen before the date models changes nothing the report dialog reads: every sentence of
/// every sentence table here and every input of this assembly's table tests (the deed parser's
/// dates among them), and each with the screen's characters blanked, recognised with and without the
/// screen.
/// </summary>
public sealed class DateTimeHintTableTests
{
    [Fact]
    public void ScreeningChangesNoResultOnAnySentenceOfTheTables()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        var relative = Path.Combine("tests", "ChatReport.Conversation.Tests", "Understanding");
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, relative)))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var tables = Directory.GetFiles(Path.Combine(directory.FullName, relative), "*.tsv");
        var sentences = tables.SelectMany(File.ReadAllLines)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length > 1)
            .Select(cells => cells[1])
            .ToList();
        Assert.True(tables.Length >= 5 && sentences.Count >= 1000, $"{tables.Length} tables, {sentences.Count} sentences");

        DateTimeHintCheck.AssertSameAsUnscreened(sentences.Concat(DateTimeHintCheck.InlineStrings(typeof(DateTimeHintTableTests).Assembly)), minSkipped: 500);
    }
}
