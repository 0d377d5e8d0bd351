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
        "上班", "上岗", "打工", "工作", "干活", "当班",
    };

    /// <summary>The place <paramref name="text"/> names, or null.</summary>
    /// <param name="text">The sentence, normalized, with its date and points blanked out.</param>
    /// <returns>The place as said.</returns>
    public static string? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var place = Chinese(text) ?? English(text) ?? Parenthesized(text) ?? ObjectPlace(text) ?? Telegraphic(text) ?? Known(text) ?? EnglishKnown(text);
        return place is null ? null : WithoutWhose(place);
    }

    // 五保户刘奶奶家, 独居的陈伯伯家: who the person is, said before their home, is not part of the place.
    private static string WithoutWhose(string place) =>
        Whose().Match(place) is { Success: true } whose && place.Length - whose.Length >= 3 ? place[whose.Length..] : place;

    // 责任区（村西水塘边）: a place said in brackets after what it is.
    private static string? Parenthesized(string text) =>
        Bracketed().Matches(text).Select(m => m.Groups["p"].Value.Trim()).FirstOrDefault(p => p.Length is >= 2 and <= 15 && PlaceEnd().IsMatch(p) && TextNormalizer.ContainsCjk(p));

    // 打扫了村主干道, 把巷口那段路清出来了: with no place said, the road or square the deed was done
    // to is where it was done.
    private static string? ObjectPlace(string text)
    {
        if (!TextNormalizer.ContainsCjk(text))
        {
            return null;
        }

        var tokens = WordSegmenter.Cut(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Text is not ("把" or "将") && !ClearingVerb().IsMatch(tokens[i].Text))
            {
                continue;
            }

            var first = i + 1 < tokens.Count && tokens[i + 1].Text is "了" or "完" ? i + 2 : i + 1;
            if (Phrase(text, tokens, first) is { Length: >= 2 and <= 10 } place && RoadEnd().IsMatch(place))
            {
                return place;
            }
        }

        return null;
    }

    // 周三 志愿者 反诈宣传 超市门口: in a message of bare words, the word that ends as a place does.
    private static string? Telegraphic(string text)
    {
        var fragments = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fragments.Length < 3 || !TextNormalizer.ContainsCjk(text))
        {
            return null;
        }

        return fragments.FirstOrDefault(f => f.Length is >= 3 and <= 10 && !f.Any(IsBreak) && PlaceEnd().IsMatch(f)
            && WordSegmenter.Cut(f) is var words && !words.Any(w => Verbs.Contains(w.Text)));
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
            // 儿子在外地打工: where someone else is, not where the deed was.
            if (SomeoneElse().IsMatch(text.AsSpan(0, at.Index)))
            {
                continue;
            }

            var rest = text[(at.Index + at.Length)..];
            // 在公益岗上班: a post is a job, not a place.
            if (Phrase(rest, WordSegmenter.Cut(rest), 0) is { Length: >= 2 and <= 15 } place && !Post().IsMatch(place))
            {
                return place;
            }
        }

        var tokens = WordSegmenter.Cut(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            // 推到一边 is where the snow went, not where the deed was.
            // 去咗紀念館: the Cantonese 咗 (or 了) after 去 is not part of the place.
            // Hunan 克哒 and 去哒 are 去了.
            var first = i + 1 < tokens.Count && tokens[i + 1].Text is "咗" or "了" or "哒" ? i + 2 : i + 1;
            var goes = tokens[i].Text is "到" or "去" or "从" or "来" || (tokens[i].Text == "克" && first == i + 2);
            if (goes && Phrase(text, tokens, first) is { Length: >= 2 and <= 15 } place && PlaceEnd().IsMatch(place)
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
            // 去捐血中心 and 在献血站 do too.
            if (j == first && (Verbs.Contains(word) || (verbLike && !placeLike)) && !(j + 1 < tokens.Count && IsPlaceNoun(tokens[j + 1].Text)))
            {
                return null;
            }

            end = tokens[j].End;
        }

        return end < 0 ? null : text[begin..end].Trim();
    }

    private static bool IsPlaceNoun(string word) =>
        (word.Length == 1 && PlaceEnd().IsMatch(word) && !Verbs.Contains(word)) || word is "中心" or "站点" or "大厅" or "基地" or "现场" or "广场" or "大楼";

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

                // 东头小广场, 村西小学: where in the village and which one go with the place.
                var start = i;
                while (start > 0 && PlaceModifier().IsMatch(tokens[start - 1].Text))
                {
                    start--;
                }

                return text[tokens[start].Start..end].Trim();
            }
        }

        return null;
    }

    private static bool IsBreak(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);

    // 在/于/於 as a preposition; not 正在, 现在, 还在, 实在, 存在, 所在, 在于, 在乎, 在意.
    // Dialect 在: Cantonese 喺, Wu 辣/勒, northeastern 搁, Minnan 伫 (not 辣椒, 勒令, 搁置).
    [GeneratedRegex(@"(?<![正现还都就实存所一好自])(?:在|于|於|喺)(?![于乎意职线内])|(?<![酸麻香火微辛甜])辣(?![椒的子条酱味妹鸡手眼了])|勒(?![令索紧住死])|搁(?![置浅下着了])|伫(?![立])")]
    private static partial Regex ChinesePlaceStart();

    [GeneratedRegex(@"^(?:镇上|镇里|乡里|县里|城里|村委会|村委|村部|村口|村头|村尾|社区|小区|党群服务中心|便民服务站|服务站|便民点|便民站|代办点|卫生室|卫生院|医院|敬老院|养老院|幸福院|学校|小学|中学|幼儿园|文化广场|广场|集市|菜市场|河边|河道|祠堂|老年活动中心|活动室|文化站|文化室|农家书屋|大队部|村小|村里|屯里|屯子里|屯口|屯子口|(?!农村|全村|乡村|本村|村村|城镇|乡镇)[^的了在]{1,4}(?:村|镇|乡|社区|小区))$")]
    private static partial Regex PlaceWord();

    [GeneratedRegex(@"^(?:五保户|低保户|贫困户|困难户|特困户|脱贫户|监测户|军属|烈属|独居|孤寡|空巢|留守|残疾)(?:老人)?的?")]
    private static partial Regex Whose();

    [GeneratedRegex(@"[(（](?<p>[^()（）]{2,15})[)）]")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^(?:扫|打扫|清扫|铲|清理|清|扫了|铲了|打扫了|清扫了|清理了|铲完|扫完)$")]
    private static partial Regex ClearingVerb();

    [GeneratedRegex(@"(?:道|路|街|巷|口|广场|桥|门前)$")]
    private static partial Regex RoadEnd();

    [GeneratedRegex(@"(?:岗|岗位|班)(?:上|里)?$")]
    private static partial Regex Post();

    [GeneratedRegex(@"(?<![和跟与同])(?:他们?|她们?|儿子|女儿|闺女|老伴|媳妇|孙子|孙女|家人|孩子)\s*$")]
    private static partial Regex SomeoneElse();

    [GeneratedRegex(@"^(?:东头|西头|南头|北头|村东头?|村西头?|村南头?|村北头?|东边|西边|南边|北边|东|西|南|北|小|大|老|新|中心)$")]
    private static partial Regex PlaceModifier();

    [GeneratedRegex(@"^(?:门口|门前|里|上|边|旁边|旁|附近|前|前面|后|后面|外|外面|底下|一带|周围|两边|两旁|东头|西头|南头|北头|广场|大院|院子|院里|大厅|路口)$")]
    private static partial Regex PlaceTail();

    // How a place ends: a village, group or community, a committee, a yard or station, a school or square, a crossing,
    // someone's home. Not 岗: 学校门口护学岗 is a post at the school gate, the gate the place.
    [GeneratedRegex(@"(?:村|组|社区|小区|委会|坊会|协会|村委|村部|院|站|校|学|园|场|馆|室|所|中心|点|口|家|店|厂|局|堂|庙|山|河|沟|渠|坡|田|地|城|桥|路|街|巷|道|库|塘|湖|楼|镇|乡|县|市|区|厅|屋|部|队|上|里|边|旁|头|前|后|外|附近|一带)$")]
    private static partial Regex PlaceEnd();
}
