using System.Collections.Frozen;

namespace ChatReport.Dialogs.Recognition;

/// <summary>
/// Traditional → simplified characters, one for one. Not a full converter: it covers what the
/// recognizers and our word lists need (numbers, dates and times, weekdays, commands, yes/no,
/// and the words members use when reporting deeds), so that 上個星期六, 兩個小時 and 確認 are
/// understood like their simplified forms. One character in, one character out keeps match
/// positions valid in the original text. Add pairs here when a real message needs them.
/// </summary>
internal static class TraditionalChinese
{
    // Pairs of (traditional, simplified), grouped loosely by what they are for.
    private const string Pairs =
        // numbers, counting, financial numerals
        "個个兩两萬万億亿貳贰參参陸陆單单雙双幾几數数號号點点項项條条隻只張张塊块種种" +
        // dates and times
        "時时鐘钟鍾钟週周禮礼後后曆历歷历節节國国慶庆勞劳動动聖圣誕诞陽阳陰阴農农舊旧現现剛刚纔才晝昼頭头間间從从開开結结東东這这" +
        // commands, questions, yes/no
        "幫帮說说請请問问題题確确認认對对錯错誤误沒没關关係系選选擇择無无別别麼么嗎吗們们來来過过還还讓让給给為为與与準准" +
        // the points ledger and the party branch
        "報报積积審审駁驳務务訂订閱阅碼码員员黨党書书記记組组織织區区會会議议課课義义願愿領领導导團团隊队體体總总計计劃划據据實实際际應应該该當当經经驗验證证" +
        // administration and sign-off (許可, 重新載入規則, 簽字確認, 邀請碼)
        "許许載载規规則则簽签權权銷销換换" +
        // places
        "裡里裏里鄉乡鎮镇縣县樓楼棟栋戶户門门橋桥燈灯廁厕場场廣广園园邊边處处鄰邻" +
        // what members report doing
        "責责壇坛獨独撿捡歸归溝沟崗岗邏逻執执眾众違违約约" +
        "衛卫綠绿環环掃扫鏟铲淨净乾干訪访喪丧調调糾纠紛纷貧贫難难殘残歲岁長长帶带參参髮发發发傳传統统講讲習习學学練练醫医療疗藥药護护電电話话網网絡络線线車车輛辆運运寫写聽听讀读買买賣卖種种樹树澆浇離离進进連连雜杂亂乱髒脏臟脏潔洁塵尘廢废棄弃壞坏補补鋪铺築筑蓋盖擔担擋挡搶抢險险災灾濟济獻献錢钱費费圖图攝摄";

    private static readonly FrozenDictionary<char, char> Map = BuildMap();

    /// <summary>The simplified form of <paramref name="c"/>, or <paramref name="c"/> itself.</summary>
    internal static char ToSimplified(char c) => Map.TryGetValue(c, out var simplified) ? simplified : c;

    private static FrozenDictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
        {
            // A repeated pair is harmless; a character mapped two ways would be a bug in the table.
            if (map.TryGetValue(Pairs[i], out var existing) && existing != Pairs[i + 1])
            {
                throw new InvalidOperationException($"'{Pairs[i]}' is mapped to both '{existing}' and '{Pairs[i + 1]}'.");
            }

            map[Pairs[i]] = Pairs[i + 1];
        }

        return map.ToFrozenDictionary();
    }
}
