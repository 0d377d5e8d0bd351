using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// A sentence cut into words: Chinese by jieba, English by spaces with each word's possible
/// lemmas. Answers whether a lexicon term occurs as words of the sentence (党日 is not found in
/// 入党日期, nor 上门 in 马上门口), and which of its words carry content, for learning.
/// </summary>
public sealed partial class SentenceWords
{
    private static readonly FrozenSet<string> ChineseStopWords = new[]
    {
        "的", "了", "在", "我", "我们", "咱", "咱们", "他", "她", "他们", "大家", "和", "跟", "与", "给", "把", "被", "为", "帮", "去", "来", "到",
        "是", "有", "也", "都", "还", "就", "又", "再", "很", "挺", "把", "着", "过", "呢", "吧", "啊", "呀", "嘛", "哦", "哈", "啦", "么",
        "这", "那", "这个", "那个", "一个", "一下", "一起", "一些", "几个", "今天", "昨天", "前天", "上午", "下午", "晚上", "早上", "中午",
        "上周", "上个月", "时候", "小时", "个", "点", "分", "多", "半天", "一天", "村里", "自己", "人", "家里", "申报", "报", "积分", "加分",
        "带头", "带领", "主动", "参加", "参与", "组织", "完成", "进行", "开展", "做", "搞", "弄", "干", "好", "完", "去了", "了下",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> EnglishStopWords = new[]
    {
        "the", "a", "an", "i", "we", "my", "our", "me", "us", "he", "she", "they", "them", "his", "her", "their", "it", "its", "and", "or",
        "to", "for", "of", "at", "in", "on", "with", "from", "by", "up", "out", "off", "some", "all", "this", "that", "these", "yesterday",
        "today", "morning", "afternoon", "evening", "night", "last", "week", "month", "day", "days", "hour", "hours", "ago", "be", "have", "do",
        "go", "get", "help", "was", "were", "did", "went", "got", "had", "am", "is", "are", "there", "here", "please", "report", "point", "points",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Meetings that are nobody's Party duty: the 会 of 家长会 is not the 会 a member attends.
    private static readonly FrozenSet<string> OtherGatherings = new[]
    {
        "家长会", "运动会", "庙会", "音乐会", "演唱会", "同学会", "招聘会", "展销会", "订货会", "博览会", "交易会", "联欢会", "晚会", "舞会", "婚礼", "酒会",
    }.ToFrozenSet(StringComparer.Ordinal);

    // What may stand between the halves of a separable verb: 了/过/的, a number, a measure (了一天, 了个, 了两回, 一上午,
    // 挑了两担水, 是昨天理的发).
    private const string SplitGap = "(?=.)(?:[了过着的]?(?:[一两几半二三四五六七八九十]+)?(?:个|天|次|回|趟|下|遍|担|桶|袋|车|筐|捆|堆|盆|件|床|条|整天|上午|下午|早上|晚上|会儿|小时)?)(?<=[了过着的一两几半二三四五六七八九十个天次回趟下遍担桶袋车筐捆堆盆件床条整午上晚儿时])";

    // One pattern per two-character term that came near a match; the lexicon bounds them, the memo too.
    private static readonly RecognitionMemo<string, Regex> SplitPatterns = new(2048, StringComparer.Ordinal);

    private readonly IReadOnlyList<WordToken> _tokens;
    private readonly IReadOnlyList<(string Word, int Start, IReadOnlyList<string> Lemmas)> _english;
    private readonly HashSet<int> _boundaries;
    private MatchCollection? _strangers;

    private SentenceWords(string text, IReadOnlyList<WordToken> tokens, IReadOnlyList<(string, int, IReadOnlyList<string>)> english)
    {
        Text = text;
        _tokens = tokens;
        _english = english;
        _boundaries = [.. tokens.Select(t => t.Start), .. tokens.Select(t => t.End)];
    }

    /// <summary>The sentence, normalized (half-width, simplified, lower case).</summary>
    public string Text { get; }

    /// <summary>jieba's words.</summary>
    public IReadOnlyList<WordToken> Tokens => _tokens;

    /// <summary>Cuts <paramref name="sentence"/>.</summary>
    /// <param name="sentence">The sentence in any form.</param>
    /// <returns>Its words.</returns>
    public static SentenceWords Of(string sentence)
    {
        var text = TextNormalizer.Normalize(sentence ?? string.Empty).ToLowerInvariant();
        var tokens = TextNormalizer.ContainsCjk(text) ? WordSegmenter.Cut(text) : [];
        var english = EnglishWord().Matches(text)
            .Select(m => (m.Value, m.Index, EnglishLemmas.Candidates(m.Value)))
            .ToList();
        return new SentenceWords(text, tokens, english);
    }

    /// <summary>
    /// Where <paramref name="term"/> occurs as words of the sentence: Chinese terms not straddling
    /// two of jieba's words, English terms word by word, each word in any inflection.
    /// </summary>
    /// <param name="term">A lexicon term, normalized.</param>
    /// <returns>The start positions of its occurrences.</returns>
    public IReadOnlyList<int> Find(string term) => Find(term, TermRole.Any);

    /// <summary>
    /// Like <see cref="Find(string)"/>, but a one-character Chinese term must be a word of its own
    /// or, by <paramref name="role"/>, begin one (an action: 修 in 修好) or end one (an object: 雪
    /// in 积雪), so that 路 is not found in 路灯 nor 理 in 办理.
    /// </summary>
    /// <param name="term">A lexicon term, normalized.</param>
    /// <param name="role">What the term is in its lexicon.</param>
    /// <returns>The start positions of its occurrences.</returns>
    public IReadOnlyList<int> Find(string term, TermRole role)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (term.Length == 0)
        {
            return [];
        }

        // 扶一个老太太, 有個婆婆蕩失路, 唔识嘅阿婆, a blind man: someone met by chance, unnamed, is the
        // lexicon's stranger, whoever the person word says.
        if (term is "陌生人" or "stranger")
        {
            return [.. FindExact(term), .. Strangers.Select(m => m.Index)];
        }

        if (!TextNormalizer.ContainsCjk(term))
        {
            return FindEnglish(term);
        }

        var found = FindChinese(term);
        return term.Length > 1 || role == TermRole.Any
            ? found
            : [.. found.Where(at => _tokens.Any(t =>
                (t.Start == at && t.End == at + 1)
                || (role == TermRole.Action && t.Start == at)
                || (role == TermRole.Target && t.End == at + 1 && !OtherGatherings.Contains(t.Text))))];
    }

    /// <summary>The words that say what was done, for learning: no function words, dates, numbers or names of the bot's commands.</summary>
    /// <returns>Distinct content words, Chinese as cut, English as lemmas.</returns>
    public IReadOnlyList<string> ContentWords()
    {
        var words = new List<string>();
        foreach (var token in _tokens)
        {
            var word = token.Text.Trim();
            if (word.Length >= 2 && word.Length <= 12 && TextNormalizer.ContainsCjk(word) && !ChineseStopWords.Contains(word) && !NumberLike().IsMatch(word))
            {
                words.Add(word);
            }
        }

        foreach (var (word, _, _) in _english)
        {
            if (word.Length >= 3 && !EnglishStopWords.Contains(word) && EnglishLemmas.Lemma(word) is var lemma && !EnglishStopWords.Contains(lemma))
            {
                words.Add(lemma);
            }
        }

        return [.. words.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>True when <paramref name="word"/> is one of the content words (learned words are compared this way).</summary>
    /// <param name="word">A learned word.</param>
    /// <returns>Whether the sentence has it.</returns>
    public bool HasContentWord(string word) =>
        TextNormalizer.ContainsCjk(word)
            ? FindChinese(word).Count > 0
            : _english.Any(e => string.Equals(EnglishLemmas.Lemma(e.Word), word, StringComparison.Ordinal));

    /// <summary>True when the word at <paramref name="at"/> is said of someone met by chance (一个老太太).</summary>
    /// <param name="at">A position in <see cref="Text"/>.</param>
    /// <returns>Whether a stranger is meant there.</returns>
    public bool SaysStranger(int at) => Strangers.Any(m => at >= m.Index && at < m.Index + m.Length);

    // The pattern is long and asked once per person word a rule names: matched once per sentence.
    private MatchCollection Strangers => _strangers ??= Stranger().Matches(Text);

    private List<int> FindExact(string term) => TextNormalizer.ContainsCjk(term) ? FindChinese(term) : FindEnglish(term);

    private List<int> FindChinese(string term)
    {
        var found = new List<int>();
        for (var at = Text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var end = at + term.Length;
            if (_boundaries.Contains(at) || _boundaries.Contains(end) || _tokens.Any(t => t.Start <= at && end <= t.End))
            {
                found.Add(at);
            }
        }

        // Chinese verbs come apart around an aspect and a count (离合词): 理了发, 值了一天班, 剃了个头,
        // 帮了一天忙. A two-character term is found so too, when both halves stand at word edges.
        // The split form needs the first half somewhere before the second; most terms of the lexicon
        // fail that, and building their pattern (a regex per term, past Regex's small cache) cost
        // megabytes and milliseconds per new sentence.
        if (term.Length == 2 && Text.IndexOf(term[0], StringComparison.Ordinal) is var first and >= 0 && Text.AsSpan(first + 1).Contains(term[1]))
        {
            // The verb said twice is done once: 剃了剃头, 理理发, 扫了扫雪.
            foreach (Match split in SplitPatterns.GetOrAdd(term, 0, static (t, _) => new Regex(Regex.Escape(t[..1]) + "(?:了?" + Regex.Escape(t[..1]) + "|" + SplitGap + ")" + Regex.Escape(t[1..]))).Matches(Text))
            {
                if (_boundaries.Contains(split.Index) && _boundaries.Contains(split.Index + split.Length) && !found.Contains(split.Index))
                {
                    found.Add(split.Index);
                }
            }
        }

        return found;
    }

    private List<int> FindEnglish(string term)
    {
        // A sentence without English words has none of the rules' hundreds of English terms, nor
        // their allocations (a term of spaces alone is left to the loop below, as before).
        if (_english.Count == 0 && term.AsSpan().ContainsAnyExcept(' '))
        {
            return [];
        }

        var parts = term.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = new List<int>();
        for (var i = 0; i + parts.Length <= _english.Count; i++)
        {
            var all = true;
            for (var j = 0; j < parts.Length && all; j++)
            {
                var lemmas = _english[i + j].Lemmas;
                all = lemmas.Contains(parts[j], StringComparer.Ordinal) || EnglishLemmas.Candidates(parts[j]).Intersect(lemmas, StringComparer.Ordinal).Any(l => l.Length > 3);
            }

            if (all)
            {
                found.Add(_english[i].Start);
            }
        }

        return found;
    }

    // An indefinite or unknown person, not one of the people a rule is for (一个独居老人 is no stranger),
    // nor someone who lives alone (他一个人住).
    [GeneratedRegex(@"(?:(?<![0-9零一二两三四五六七八九十几])(?:一个|一位|有个|有位|碰到个|遇到个|遇见个|碰见个|见个)|唔识嘅|不认识的|不认得的|陌生的?|路过的|过路的|素不相识的)(?![^,，。 ]{0,4}(?:独居|五保|低保|贫困|孤寡|困难|留守|残疾|特困|空巢))[^,，。 ]{0,3}?(?:老太太|老奶奶|老大爷|老爷爷|老人家|老人|老伯|阿婆|婆婆|阿伯|伯伯|阿公|阿嬷|大爷|大娘|大妈|大叔|阿姨|小孩|孩子|小朋友|小学生|学生|女孩|男孩|小姑娘|姑娘|小伙子?|大姐|大哥|孕妇|盲人|老乡|外地人)|\b(?:an?|some)\s+(?:(?:old|elderly|blind|young|little|lost|foreign|pregnant|poor|lady|small)\s+){0,2}(?:man|woman|lady|gentleman|kid|boy|girl|child|granny|grandma|grandpa|person|guy|tourist)\b(?! (?:who lives?|living|that lives?|on (?:his|her) own))")]
    private static partial Regex Stranger();

    [GeneratedRegex(@"[a-z]+(?:'[a-z]+)?")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"^[0-9零一二两三四五六七八九十百千万几]+[个点号日月年天分次回位名人户家]?$")]
    private static partial Regex NumberLike();
}
