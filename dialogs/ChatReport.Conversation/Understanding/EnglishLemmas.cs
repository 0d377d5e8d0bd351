using System.Collections.Frozen;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// The dictionary forms an English word may stand for (repaired, repairing → repair; swept →
/// sweep; families → family). Not a full lemmatizer: suffix rules plus the irregular verbs of
/// deeds, enough to meet the lemmas a lexicon is written in.
/// </summary>
public static class EnglishLemmas
{
    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["swept"] = "sweep", ["gave"] = "give", ["given"] = "give", ["took"] = "take", ["taken"] = "take", ["went"] = "go", ["gone"] = "go",
        ["did"] = "do", ["done"] = "do", ["made"] = "make", ["brought"] = "bring", ["taught"] = "teach", ["held"] = "hold", ["met"] = "meet",
        ["led"] = "lead", ["fed"] = "feed", ["bought"] = "buy", ["sat"] = "sit", ["kept"] = "keep", ["spent"] = "spend", ["paid"] = "pay",
        ["told"] = "tell", ["ran"] = "run", ["dug"] = "dig", ["hung"] = "hang", ["stood"] = "stand", ["sent"] = "send", ["lent"] = "lend",
        ["fought"] = "fight", ["caught"] = "catch", ["thought"] = "think", ["wrote"] = "write", ["written"] = "write", ["drove"] = "drive",
        ["driven"] = "drive", ["rode"] = "ride", ["began"] = "begin", ["begun"] = "begin", ["came"] = "come", ["saw"] = "see", ["seen"] = "see",
        ["was"] = "be", ["were"] = "be", ["been"] = "be", ["had"] = "have", ["has"] = "have", ["children"] = "child", ["people"] = "person",
        ["women"] = "woman", ["men"] = "man", ["elderly"] = "elderly", ["leaves"] = "leaf", ["built"] = "build", ["cut"] = "cut", ["put"] = "put",
        ["set"] = "set", ["shut"] = "shut", ["lit"] = "light", ["swam"] = "swim", ["threw"] = "throw", ["thrown"] = "throw", ["left"] = "leave",
        ["mown"] = "mow", ["sewn"] = "sew", ["shovelled"] = "shovel", ["shovelling"] = "shovel", ["travelled"] = "travel", ["labour"] = "labor",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The word itself and every form it may be an inflection of, lowercased.</summary>
    /// <param name="word">One word.</param>
    /// <returns>Its candidate lemmas, the word first.</returns>
    public static IReadOnlyList<string> Candidates(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant().Replace("'s", string.Empty, StringComparison.Ordinal).Trim('\'');
        var found = new List<string> { w };
        if (Irregular.TryGetValue(w, out var irregular))
        {
            found.Add(irregular);
        }

        void Stem(string stem, bool mayRestoreE)
        {
            if (stem.Length < 2)
            {
                return;
            }

            found.Add(stem);
            if (mayRestoreE)
            {
                found.Add(stem + "e");
            }

            // mopped → mop, shovelling → shovel
            if (stem.Length > 2 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1], StringComparison.Ordinal))
            {
                found.Add(stem[..^1]);
            }
            else if (stem.Length > 3 && stem[^1] == 'l' && stem[^2] == 'l')
            {
                found.Add(stem[..^1]);
            }
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
        {
            found.Add(w[..^3] + "y");
        }

        if (w.EndsWith("ing", StringComparison.Ordinal))
        {
            Stem(w[..^3], true);
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal))
        {
            Stem(w[..^2], true);
            Stem(w[..^1], false);
        }
        else if (w.EndsWith("es", StringComparison.Ordinal))
        {
            Stem(w[..^2], false);
            Stem(w[..^1], false);
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            Stem(w[..^1], false);
        }

        return [.. found.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>One stable lemma for <paramref name="word"/>, for remembering what a branch says.</summary>
    /// <param name="word">One word.</param>
    /// <returns>The irregular base form, else the shortest plausible stem.</returns>
    public static string Lemma(string word)
    {
        var candidates = Candidates(word);
        var w = candidates[0];
        if (Irregular.TryGetValue(w, out var irregular))
        {
            return irregular;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
        {
            return w[..^3] + "y";
        }

        return w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) ? Undouble(w[..^3])
            : w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal) ? Undouble(w[..^2])
            : w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1]
            : w;
    }

    private static string Undouble(string stem) =>
        stem.Length > 2 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;
}
