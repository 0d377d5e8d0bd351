using System.Text.RegularExpressions;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Understanding;

/// <summary>
/// Where a deed was done, as a secretary writes it on the ledger: 在村委会给老人理发 → 村委会,
/// 到镇上献血 → 镇上, 在学校门口铲雪 → 学校门口, at the bus stop → bus stop. The place ends
/// where the deed's verb, its helper words (给, 帮, 把) or its object begin, word by word as
/// jieba cuts them, so that neither the verb (村委会学, 补给) nor the object is swallowed.
/// </summary>
public static partial class DeedPlaceReader
{
    // Words after which what follows is not the place any more: the deed's verb, or a word that starts it.
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "带头", "带领", "带着", "帮助", "帮忙", "帮着", "帮", "给", "为", "替", "把", "将", "义务", "参加", "参与", "扫", "铲", "清理", "清扫", "打扫",
        "捡", "拾", "值班", "做", "搞", "开展", "举办", "组织", "看望", "探望", "慰问", "走访", "照顾", "陪", "调解", "劳动", "修", "种", "栽", "植",
        "理发", "剪", "剃", "铰", "推", "站岗", "执勤", "值勤", "巡逻", "巡", "宣传", "值", "讲", "学习", "听", "开会", "发放", "发", "搬",
        "送", "维护", "维持", "跟", "同", "与", "和", "上门", "当", "担任", "志愿", "献", "献血", "捐", "收拾", "整理", "疏通", "除", "认领", "完成",
        "进行", "召开", "参观", "扫墓", "巡河", "巡山", "巡林", "护林", "巡逻", "巡查", "看看", "看了看", "服务", "免费", "坐", "值守", "接待", "代办", "办理", "办", "摆", "摆摊", "劝", "劝导", "引导", "挖", "拔",
        "浇", "刷", "铺", "补", "填", "拉", "运", "割", "砍", "锄", "捞", "掏", "装", "搭", "拆", "守", "看", "查", "了", "的时候", "时", "我", "俺",
        "咱", "咱们", "我们", "他", "她", "他们", "大家", "一起", "都", "也", "又", "还", "就", "才", "已经", "一直", "主动", "自己", "自发",
    };

    private static readonly string[] EnglishStops =
        ["for", "with", "from", "to", "and", "by", "helping", "during", "after", "before", "while", "on", "at", "in", "as", "doing", "cleaning",
         "clearing", "this", "last", "yesterday", "today", "all", "until", "since", "when", "then", "so", "because", "but", "near", "where", "who", "they", "that", "he", "she", "we", "i", "need", "needed"];

    /// <summary>The place <paramref name="text"/> names, or null.</summary>
    /// <param name="text">The sentence, normalized, with its date and points blanked out.</param>
    /// <returns>The place as said.</returns>
    public static string? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Chinese(text) ?? English(text) ?? Known(text);
    }

    // 在/于 before anything; 到/去/从 (words of their own, not the 到 of 拾到) only before what ends as a place does.
    private static string? Chinese(string text)
    {
        if (!TextNormalizer.ContainsCjk(text))
        {
            return null;
        }

        // 在 by the character: jieba glues it to what follows (在山|岔村), so the rest is cut anew.
        foreach (Match at in ChinesePlaceStart().Matches(text))
        {
            var rest = text[(at.Index + at.Length)..];
            if (Phrase(rest, WordSegmenter.Cut(rest), 0) is { Length: >= 2 and <= 15 } place)
            {
                return place;
            }
        }

        var tokens = WordSegmenter.Cut(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            // 推到一边 is where the snow went, not where the deed was.
            // 去咗紀念館: the Cantonese 咗 (or 了) after 去 is not part of the place.
            var first = i + 1 < tokens.Count && tokens[i + 1].Text is "咗" or "了" ? i + 2 : i + 1;
            if (tokens[i].Text is "到" or "去" or "从" or "来" && Phrase(text, tokens, first) is { Length: >= 2 and <= 15 } place && PlaceEnd().IsMatch(place)
                && place is not ("一边" or "一旁" or "旁边" or "两边" or "边上" or "路边上"))
            {
                return place;
            }
        }

        return null;
    }

    private static string? Phrase(string text, IReadOnlyList<WordToken> tokens, int first)
    {
        var end = -1;
        var begin = first < tokens.Count ? tokens[first].Start : text.Length;
        for (var j = first; j < tokens.Count; j++)
        {
            var word = tokens[j].Text;
            if (word.Length == 0 || IsBreak(word[0]))
            {
                break;
            }

            var sofar = end < 0 ? string.Empty : text[begin..end];
            var endsAsPlace = sofar.Length > 1 && PlaceEnd().IsMatch(sofar);
            // 在村委会上了一堂党课: 上 with 了 after it is the verb, not 村委会上.
            var tail = PlaceTail().IsMatch(word) && !(word == "上" && j + 1 < tokens.Count && tokens[j + 1].Text is "了" or "过" or "完");
            // 修路, 扫街, 挖沟: a verb and the thing it is done to, not a place.
            var verbObject = word.Length == 2 && Verbs.Contains(word[..1]) && !tail;
            var placeLike = tail || (PlaceEnd().IsMatch(word) && !Verbs.Contains(word) && !verbObject);
            // 潘河|乡, 卢氏|县城 go on; 路口|站了 does not.
            var unit = word.Length == 1 && "村组乡镇县市区城院馆园场所室校厂店局堂庙楼屋队部".Contains(word, StringComparison.Ordinal);
            // 村口那个坡上 → 村口; 学校门口 and 村委会广场 go on; 补给|站 goes on, 路口|站了 does not.
            var verbLike = Verbs.Contains(word) || Verbs.Any(v => word.StartsWith(v, StringComparison.Ordinal));
            // 河边|巡河: a deed word that happens to end like a place (in Verbs) does not go on from a place.
            if (endsAsPlace && !(tail || unit || (placeLike && word.Length > 1) || NamesNextPlace(tokens, j)))
            {
                break;
            }

            if (j > first && !placeLike && verbLike)
            {
                break;
            }

            // 在扫雪 names no place; 在代办|点 and 在服务|站 do.
            if (j == first && (Verbs.Contains(word) || (verbLike && !placeLike)) && !(j + 1 < tokens.Count && tokens[j + 1].Text.Length == 1 && PlaceEnd().IsMatch(tokens[j + 1].Text) && !Verbs.Contains(tokens[j + 1].Text)))
            {
                return null;
            }

            end = tokens[j].End;
        }

        return end < 0 ? null : text[begin..end].Trim();
    }

    // 卢氏县|潘|河|乡: characters jieba does not know, ending in a unit within four, name the next place down.
    private static bool NamesNextPlace(IReadOnlyList<WordToken> tokens, int j)
    {
        var name = string.Empty;
        for (var k = j; k < tokens.Count && name.Length < 5 && tokens[k].Text.Length == 1 && !IsBreak(tokens[k].Text[0]) && !Verbs.Contains(tokens[k].Text); k++)
        {
            name += tokens[k].Text;
            if (name.Length > 1 && "村组乡镇县市区城".Contains(name[^1], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // at the square, in Liu village, outside the clinic: up to a word that starts something else; no article.
    // Not the in of took part in, sat in on, filled in.
    private static string? English(string text)
    {
        var english = EnglishPlace().Match(text);
        if (!english.Success)
        {
            return null;
        }

        var words = english.Groups["p"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(w => !EnglishStops.Contains(w, StringComparer.OrdinalIgnoreCase) && !w.Any(char.IsAsciiDigit))
            .SkipWhile(w => w is "the" or "a" or "an")
            .ToList();
        var place = string.Join(' ', words).Trim();
        return place.Length > 1 ? place : null;
    }

    // Places said without 在 (去镇上帮忙, 村委会门口, 便民点轮到我值班): the first known place word,
    // with what sticks to it as one of jieba's words (村委会门口 stays whole).
    private static string? Known(string text)
    {
        var tokens = WordSegmenter.Cut(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            // 村里的五保户 says whose, not where.
            var whose = tokens[i].Text is "村里" or "屯里" or "屯子里" && i + 1 < tokens.Count && tokens[i + 1].Text == "的";
            if (PlaceWord().IsMatch(tokens[i].Text) && !whose)
            {
                var end = tokens[i].End;
                if (i + 1 < tokens.Count && tokens[i + 1].Start == end && PlaceTail().IsMatch(tokens[i + 1].Text))
                {
                    end = tokens[i + 1].End;
                }

                return text[tokens[i].Start..end].Trim();
            }
        }

        return null;
    }

    private static bool IsBreak(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);

    // 在/于/於 as a preposition; not 正在, 现在, 还在, 实在, 存在, 所在, 在于, 在乎, 在意.
    [GeneratedRegex(@"(?<![正现还都就实存所一好自])(?:在|于|於|喺)(?![于乎意职线内])")]
    private static partial Regex ChinesePlaceStart();

    [GeneratedRegex(@"^(?:镇上|镇里|乡里|县里|城里|村委会|村委|村部|村口|村头|村尾|社区|小区|党群服务中心|便民服务站|服务站|便民点|便民站|代办点|卫生室|卫生院|医院|敬老院|养老院|幸福院|学校|小学|中学|幼儿园|文化广场|广场|集市|菜市场|河边|河道|祠堂|老年活动中心|活动室|文化站|文化室|农家书屋|大队部|村小|村里|屯里|屯子里|屯口|屯子口|(?!农村|全村|乡村|本村|村村|城镇|乡镇)[^的了在]{1,4}(?:村|镇|乡|社区|小区))$")]
    private static partial Regex PlaceWord();

    [GeneratedRegex(@"^(?:门口|门前|里|上|边|旁边|旁|附近|前|后|后面|外|外面|底下|一带|周围|两边|两旁|东头|西头|南头|北头|广场|大院|院子|院里|大厅|路口)$")]
    private static partial Regex PlaceTail();

    // How a place ends: a village, group or community, a committee, a yard or station, a school or square, a crossing,
    // someone's home. Not 岗: 学校门口护学岗 is a post at the school gate, the gate the place.
    [GeneratedRegex(@"(?:村|组|社区|小区|委会|坊会|协会|村委|村部|院|站|校|学|园|场|馆|室|所|中心|点|口|家|店|厂|局|堂|庙|山|河|沟|渠|坡|田|地|城|桥|路|街|巷|道|库|塘|湖|楼|镇|乡|县|市|区|厅|屋|部|队|上|里|边|旁|头|前|后|外|附近|一带)$")]
    private static partial Regex PlaceEnd();

    [GeneratedRegex(@"\b(?:in front of|at|(?<!\b(?:part|participated|participating|joined|joining|join|sat|sitting|pitched|pitching|chipped|chipping|fill|filled|filling|helped|help|engaged|involved|took|take) )in|outside|inside)\s+(?<p>[a-z][a-z' \-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPlace();
}
