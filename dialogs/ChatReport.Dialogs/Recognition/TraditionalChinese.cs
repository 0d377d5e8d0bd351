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
        "衛卫綠绿環环掃扫鏟铲淨净乾干訪访喪丧調调糾纠紛纷貧贫難难殘残歲岁長长帶带參参髮发發发傳传統统講讲習习學学練练醫医療疗藥药護护電电話话網网絡络線线車车輛辆運运寫写聽听讀读買买賣卖種种樹树澆浇離离進进連连雜杂亂乱髒脏臟脏潔洁塵尘廢废棄弃壞坏補补鋪铺築筑蓋盖擔担擋挡搶抢險险災灾濟济獻献錢钱費费圖图攝摄" +
        // everyday words of members' messages (謝謝書記, 爛路, 擺攤, 昨兒, 錢), so that more than the
        // deed words above reads as simplified
        "謝谢爛烂擺摆溫温兒儿見见覺觉親亲愛爱馬马魚鱼鳥鸟雞鸡豬猪飯饭飲饮餃饺麵面湯汤熱热涼凉風风雲云氣气燒烧煙烟爐炉機机紅红藍蓝黃黄達达遠远適适遞递遺遗識识詞词語语誰谁" +
        "談谈論论讚赞貨货資资賀贺贈赠賽赛貼贴負负貴贵質质頁页順顺須须預预顧顾類类飛飞養养館馆騎骑鬧闹麗丽龍龙齊齐殺杀漢汉滿满爺爷牆墙狀状產产畫画盡尽監监盤盘礎础稱称穩稳" +
        "窮穷競竞筆笔範范簡简糧粮紀纪級级紙纸細细終终絲丝綁绑維维緊紧編编縮缩績绩繼继續续罰罚羅罗聯联聲声職职腦脑腳脚臉脸興兴舉举艱艰藝艺蘭兰蟲虫術术衝冲裝装複复襪袜觀观" +
        "訓训設设診诊詢询試试詳详誠诚諒谅變变販贩貸贷賠赔賬账趕赶跡迹踐践躍跃軍军輕轻輸输郵邮釋释針针鈴铃銀银錄录鍋锅鐵铁鑰钥閉闭閒闲隨随靈灵響响頂顶頓顿頻频顏颜顯显飽饱" +
        "飾饰餅饼駕驾鬆松鮮鲜鹽盐麥麦齒齿龜龟廠厂廳厅彈弹徵征復复態态慣惯憶忆懷怀戀恋戲戏戰战拋抛掛挂採采揀拣損损搖摇擁拥擠挤擾扰敗败敵敌斷断於于晉晋暫暂極极樂乐標标樣样" +
        "檢检歡欢殯殡毀毁決决況况淚泪淺浅測测濕湿烏乌煩烦營营爭争犧牺猶犹獎奖獲获瑣琐畢毕異异疊叠瘋疯癒愈盜盗稅税穀谷窩窝竊窃絕绝綜综緒绪緣缘縫缝繩绳繳缴罷罢聞闻腸肠膽胆" +
        "臨临莊庄葉叶蔥葱薦荐蘇苏蘋苹蝦虾蠶蚕製制覽览觸触託托訴诉註注詐诈評评誌志誘诱諾诺謀谋謊谎譜谱貓猫貢贡財财貪贪賭赌賴赖購购贊赞趙赵軌轨較较辦办迴回遊游遷迁鄭郑醜丑" +
        "鉛铅錶表鍛锻鎖锁鏡镜鑑鉴閃闪闖闯陣阵陳陈隱隐雖虽鞏巩韓韩頒颁頑顽頸颈顆颗顛颠飄飘餓饿饒饶駐驻騙骗驚惊鬥斗魯鲁鴨鸭鵝鹅齡龄瀝沥灑洒燦灿煉炼牽牵瑪玛瘡疮癢痒皺皱盞盏" +
        "礙碍禍祸筍笋篩筛簍篓粵粤糞粪紐纽紮扎絆绊綢绸綱纲緝缉緩缓緻致縱纵繞绕繡绣纏缠罈坛羨羡翹翘聰聪膚肤膠胶腫肿艙舱蘆芦虛虚蝕蚀蠟蜡衆众褲裤襖袄覓觅訊讯詩诗誇夸諸诸謹谨" +
        "譯译貝贝貿贸賓宾賞赏賤贱賦赋賺赚贏赢趨趋蹤踪軟软輔辅輪轮轉转辭辞邁迈醞酝鈔钞鉤钩銅铜鋤锄鋸锯錘锤鍵键鏈链鐮镰鑽钻閘闸闊阔闡阐隸隶雛雏霧雾靜静頰颊顫颤颱台颳刮餵喂" +
        "餛馄饅馒饞馋馱驮驅驱駛驶騰腾驢驴髖髋鬍胡鯉鲤鴿鸽鵲鹊鶴鹤麪面黴霉鼕冬鼴鼹齋斋嘆叹嘗尝嚇吓嚴严囉啰圍围墊垫壓压壩坝壯壮夠够夢梦奪夺奮奋婦妇媽妈嬸婶孫孙寧宁寢寝寬宽" +
        "寶宝將将專专尋寻屆届屬属嶺岭峽峡巖岩幣币幹干廚厨廟庙彎弯徑径慮虑憑凭懶懒懲惩懸悬挾挟捨舍揚扬擊击擬拟擴扩攔拦攤摊敘叙斂敛斬斩曬晒曉晓暈晕曠旷棗枣棧栈樁桩檯台櫃柜" +
        "欄栏歐欧歎叹殼壳氈毡沖冲淒凄漁渔漲涨潑泼澀涩濱滨瀋沈熗炝燉炖牀床犢犊猻狲獅狮玀猡瑤瑶璽玺甕瓮疇畴瘧疟癱瘫皚皑盧卢矚瞩砲炮碩硕磚砖礦矿祿禄禱祷稈秆穌稣窯窑竄窜筧笕" +
        "箏筝簾帘糰团糴籴紋纹納纳紗纱紳绅紹绍絨绒綿绵緞缎緯纬縷缕繃绷繪绘纜缆罵骂羣群翺翱聳耸脅胁腎肾膩腻艦舰莖茎萊莱蔣蒋蕭萧薑姜蘿萝虜虏蠅蝇衚胡袞衮裊袅訝讶謎谜謠谣譏讥" +
        "讒谗豈岂豐丰豎竖貞贞賊贼賑赈贓赃蹌跄躉趸軋轧軸轴輩辈轎轿鄧邓酈郦醬酱釀酿釘钉鈍钝鉗钳銜衔鋼钢錦锦鎊镑鎬镐鏽锈鑼锣閣阁閩闽闈闱陝陕隴陇雋隽靂雳韁缰頌颂頹颓顱颅餚肴" +
        "馳驰駝驼駭骇騷骚驕骄驛驿骯肮髏髅鬢鬓魷鱿鯨鲸鰻鳗鱗鳞鳳凤鴉鸦鶯莺鷹鹰麩麸黷黩鼇鳌齣出嘸呒噸吨嚨咙囑嘱壺壶孃娘屍尸峯峰嶄崭巔巅帥帅帳帐幟帜廬庐弔吊彌弥悅悦惡恶愜惬" +
        "慚惭憐怜懇恳懼惧懺忏揮挥搗捣摟搂撈捞撥拨撫抚撲扑擻擞攏拢攪搅攬揽敍叙斃毙暉晖暢畅朧胧枴拐桿杆梔栀樞枢櫻樱殲歼氫氢氾泛湧涌滷卤潛潜澇涝灣湾烴烃燭烛爍烁犛牦獰狞璉琏" +
        "甦苏癤疖皰疱盪荡瞼睑矯矫硯砚碸砜礫砾禦御禪禅穡穑窪洼竇窦篤笃紡纺絞绞絹绢綑捆綻绽繹绎纖纤羶膻聶聂肅肃脹胀腖胨艤舣芻刍茲兹蒞莅蓮莲蔭荫蕩荡薩萨蘊蕴蝨虱螞蚂蟬蝉蠍蝎" +
        "衊蔑袴裤褻亵覈核訛讹訟讼訣诀詛诅詠咏誦诵諫谏謁谒譴谴讎雠讜谠貶贬賈贾賒赊賸剩贗赝跴踩蹺跷躂跶軀躯轟轰辮辫遜逊鄲郸醃腌釐厘鈣钙鉀钾銑铣鋅锌錨锚鍍镀鎂镁鏢镖鐐镣闌阑" +
        "隕陨霽霁韌韧頃顷頤颐顎颚颺飏餑饽餞饯饑饥駒驹騁骋騾骡驂骖驟骤鬱郁魘魇鯽鲫鰍鳅鱷鳄鴕鸵鴻鸿鵑鹃鸚鹦黽黾臺台";

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
