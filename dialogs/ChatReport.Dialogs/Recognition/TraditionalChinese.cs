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
        // common characters beyond the deed words, so that a lexicon written in simplified meets
        // traditional messages (擺攤, 鉸頭髮, 殯葬, 巡邏崗)
        "愛爱罷罢備备貝贝筆笔畢毕變变賓宾餅饼撥拨財财採采蠶蚕倉仓層层產产嘗尝廠厂徹彻陳陈稱称懲惩誠诚遲迟齒齿衝冲蟲虫籌筹醜丑觸触闖闯創创詞词叢丛湊凑竄窜達达貸贷膽胆檔档島岛鄧邓敵敌遞递釣钓頂顶凍冻鬥斗賭赌鍛锻" +
        "斷断噸吨奪夺額额兒儿爾尔餌饵罰罚閥阀飯饭範范販贩紡纺飛飞墳坟奮奋憤愤糞粪豐丰楓枫鋒锋風风瘋疯馮冯縫缝諷讽鳳凤膚肤輻辐撫抚輔辅賦赋復复負负婦妇縛缚幹干趕赶稈秆綱纲鋼钢槓杠鴿鸽擱搁閣阁鞏巩貢贡構构購购夠够" +
        "穀谷顧顾颳刮觀观館馆慣惯貫贯龜龟櫃柜貴贵鍋锅漢汉閡阂鶴鹤賀贺橫横轟轰紅红壺壶滬沪嘩哗華华畫画懷怀歡欢緩缓喚唤黃黄謊谎揮挥輝辉匯汇燴烩葷荤渾浑夥伙獲获貨货禍祸擊击機机饑饥跡迹雞鸡績绩極极輯辑級级擠挤繼继" +
        "紀纪夾夹價价駕驾堅坚殲歼監监揀拣簡简儉俭減减薦荐檻槛鑒鉴踐践賤贱見见鍵键艦舰劍剑餞饯漸渐濺溅澗涧將将漿浆蔣蒋槳桨獎奖醬酱膠胶驕骄嬌娇攪搅餃饺繳缴較较階阶誡诫屆届緊紧錦锦僅仅謹谨晉晋燼烬盡尽勁劲莖茎鯨鲸" +
        "驚惊頸颈靜静鏡镜徑径競竞駒驹舉举鋸锯懼惧劇剧鵑鹃絹绢傑杰決决訣诀絕绝覺觉鈞钧軍军駿骏凱凯顆颗殼壳墾垦懇恳摳抠庫库褲裤誇夸儈侩寬宽礦矿曠旷況况虧亏窺窥饋馈潰溃擴扩闊阔蠟蜡臘腊萊莱賴赖藍蓝欄栏攔拦籃篮蘭兰" +
        "瀾澜攬揽覽览懶懒纜缆爛烂濫滥撈捞澇涝樂乐壘垒類类淚泪籬篱鯉鲤麗丽厲厉勵励礫砾瀝沥隸隶倆俩聯联蓮莲鐮镰憐怜簾帘斂敛臉脸鏈链戀恋煉炼糧粮涼凉諒谅遼辽獵猎臨临鱗鳞凜凛賃赁齡龄鈴铃靈灵嶺岭餾馏劉刘龍龙聾聋嚨咙" +
        "籠笼壟垄攏拢隴陇婁娄摟搂簍篓蘆芦盧卢顱颅廬庐爐炉擄掳鹵卤虜虏魯鲁賂赂祿禄錄录驢驴呂吕鋁铝侶侣屢屡縷缕慮虑濾滤巒峦灤滦掄抡輪轮倫伦侖仑淪沦論论蘿萝羅罗鑼锣籮箩騾骡駱骆媽妈瑪玛螞蚂馬马罵骂麥麦邁迈脈脉瞞瞒" +
        "饅馒蠻蛮滿满貓猫錨锚貿贸鎂镁悶闷錳锰夢梦謎谜彌弥覓觅綿绵緬缅廟庙滅灭憫悯閩闽鳴鸣銘铭謬谬謀谋畝亩納纳撓挠腦脑惱恼鬧闹餒馁內内擬拟膩腻攆撵釀酿鳥鸟聶聂鑷镊檸柠獰狞寧宁擰拧濘泞鈕钮紐纽膿脓濃浓瘧疟諾诺歐欧" +
        "鷗鸥毆殴嘔呕盤盘龐庞賠赔噴喷鵬鹏騙骗飄飘頻频蘋苹憑凭評评潑泼頗颇撲扑樸朴譜谱棲栖齊齐騎骑豈岂啟启氣气訖讫牽牵鉛铅遷迁謙谦鉗钳潛潜淺浅譴谴槍枪嗆呛牆墙薔蔷強强鍬锹喬乔僑侨翹翘竅窍竊窃欽钦親亲寢寝輕轻傾倾" +
        "頃顷瓊琼窮穷趨趋軀躯驅驱顴颧勸劝卻却鵲鹊饒饶擾扰繞绕熱热韌韧紉纫榮荣絨绒軟软銳锐閏闰潤润灑洒薩萨鰓鳃賽赛傘伞騷骚澀涩殺杀紗纱篩筛曬晒刪删閃闪陝陕贍赡繕缮傷伤賞赏燒烧紹绍賒赊懾慑設设紳绅嬸婶腎肾滲渗聲声" +
        "繩绳勝胜師师獅狮濕湿詩诗屍尸蝕蚀識识駛驶勢势適适釋释飾饰視视試试壽寿獸兽樞枢輸输贖赎屬属術术豎竖帥帅誰谁稅税順顺碩硕爍烁絲丝飼饲聳耸慫怂頌颂訟讼誦诵擻擞蘇苏訴诉肅肃雖虽隨随綏绥孫孙損损筍笋縮缩瑣琐鎖锁" +
        "獺獭撻挞擡抬態态攤摊貪贪癱瘫灘滩譚谭談谈嘆叹歎叹湯汤燙烫濤涛討讨騰腾謄誊銻锑屜屉貼贴鐵铁廳厅烴烃銅铜禿秃塗涂頹颓蛻蜕脫脱鴕鸵馱驮駝驼橢椭窪洼襪袜彎弯灣湾頑顽韋韦圍围濰潍維维葦苇偉伟偽伪緯纬謂谓溫温聞闻" +
        "紋纹穩稳甕瓮蝸蜗渦涡窩窝臥卧嗚呜鎢钨烏乌誣诬蕪芜吳吴塢坞霧雾錫锡犧牺襲袭銑铣戲戏細细蝦虾轄辖峽峡俠侠狹狭廈厦嚇吓鮮鲜纖纤鹹咸賢贤銜衔閒闲顯显餡馅羨羡憲宪廂厢鑲镶詳详響响蕭萧囂嚣曉晓嘯啸協协挾挟攜携脅胁" +
        "諧谐瀉泻謝谢鋅锌釁衅興兴洶汹鏽锈繡绣虛虚噓嘘須须敘叙緒绪續续軒轩懸悬癬癣絢绚勳勋詢询尋寻馴驯訓训訊讯遜逊壓压鴉鸦鴨鸭啞哑亞亚訝讶煙烟鹽盐嚴严顏颜閻阎艷艳厭厌硯砚彥彦諺谚鴦鸯楊杨揚扬瘍疡癢痒養养樣样瑤瑶" +
        "搖摇堯尧遙遥窯窑謠谣爺爷頁页業业葉叶銥铱頤颐遺遗儀仪蟻蚁藝艺憶忆詣诣誼谊譯译異异繹绎蔭荫銀银飲饮隱隐櫻樱嬰婴鷹鹰纓缨瑩莹螢萤營营熒荧蠅蝇贏赢穎颖喲哟擁拥傭佣踴踊詠咏湧涌優优憂忧郵邮鈾铀猶犹遊游誘诱輿舆" +
        "魚鱼漁渔娛娱嶼屿語语籲吁禦御獄狱譽誉預预馭驭鴛鸳淵渊轅辕圓圆緣缘遠远躍跃鑰钥嶽岳粵粤悅悦雲云勻匀隕陨蘊蕴醞酝暈晕韻韵攢攒暫暂贊赞贓赃鑿凿棗枣竈灶澤泽賊贼贈赠紮扎軋轧鍘铡閘闸詐诈齋斋債债氈毡盞盏斬斩輾辗" +
        "嶄崭棧栈戰战綻绽漲涨帳帐賬账脹胀趙赵蟄蛰轍辙貞贞針针偵侦診诊陣阵掙挣睜睁猙狰爭争鄭郑職职紙纸摯挚擲掷幟帜質质滯滞終终腫肿謅诌軸轴皺皱驟骤豬猪諸诸誅诛燭烛矚瞩囑嘱貯贮鑄铸駐驻專专磚砖轉转賺赚樁桩莊庄裝装" +
        "妝妆壯壮狀状錐锥贅赘墜坠綴缀諄谆濁浊茲兹資资漬渍蹤踪綜综縱纵鄒邹詛诅鑽钻擺摆鉸铰殯殡頓顿麵面鬆松穫获盪荡蕩荡餘余託托檯台臺台颱台佔占捨舍彙汇鬍胡鬚须嚮向闆板僱雇傢家燉炖羣群衆众甦苏餵喂剷铲迴回壩坝礎础" +
        "瞭了" +
        "衛卫綠绿環环掃扫鏟铲淨净乾干訪访喪丧調调糾纠紛纷貧贫難难殘残歲岁長长帶带參参髮发發发傳传統统講讲習习學学練练醫医療疗藥药護护電电話话網网絡络線线車车輛辆運运寫写聽听讀读買买賣卖種种樹树澆浇離离進进連连雜杂亂乱髒脏臟脏潔洁塵尘廢废棄弃壞坏補补鋪铺築筑蓋盖擔担擋挡搶抢險险災灾濟济獻献錢钱費费圖图攝摄" +
        // everyday words of members' messages the line above lacks (謝謝書記, 爛路, 錢)
        "讚赞綁绑編编腳脚艱艰複复閉闭飽饱彈弹徵征拋抛掛挂敗败於于標标檢检毀毁測测煩烦疊叠癒愈盜盗腸肠蔥葱製制註注誌志軌轨辦办錶表鑑鉴韓韩頒颁顛颠餓饿鵝鹅燦灿瘡疮礙碍絆绊" +
        "綢绸緝缉緻致纏缠罈坛聰聪艙舱襖袄辭辞鈔钞鉤钩鋤锄錘锤闡阐雛雏頰颊顫颤餛馄饞馋髖髋麪面黴霉鼕冬鼴鼹囉啰墊垫寶宝巖岩幣币廚厨沖冲淒凄濱滨瀋沈熗炝牀床犢犊猻狲玀猡璽玺" +
        "疇畴皚皑砲炮禱祷穌稣筧笕箏筝糰团糴籴緞缎繃绷繪绘翺翱薑姜衚胡袞衮裊袅譏讥讒谗賑赈蹌跄躉趸輩辈轎轿酈郦釘钉鈍钝鎊镑鎬镐闈闱雋隽靂雳韁缰餚肴馳驰駭骇驛驿骯肮髏髅鬢鬓" +
        "魷鱿鰻鳗鶯莺麩麸黷黩鼇鳌齣出嘸呒孃娘峯峰巔巅弔吊惡恶愜惬慚惭懺忏搗捣敍叙斃毙暉晖暢畅朧胧枴拐桿杆梔栀氫氢氾泛滷卤犛牦璉琏癤疖皰疱瞼睑矯矫碸砜禪禅穡穑竇窦篤笃絞绞" +
        "綑捆羶膻腖胨艤舣芻刍蒞莅蝨虱蟬蝉蠍蝎衊蔑袴裤褻亵覈核訛讹諫谏謁谒讎雠讜谠貶贬賈贾賸剩贗赝跴踩蹺跷躂跶辮辫鄲郸醃腌釐厘鈣钙鉀钾鍍镀鏢镖鐐镣闌阑霽霁顎颚颺飏餑饽騁骋" +
        "驂骖鬱郁魘魇鯽鲫鰍鳅鱷鳄鴻鸿鸚鹦黽黾" +
        // Taiwanese and Hong Kong forms (阿嬤, 幫著, 看著)
        "嬤嬷著着";

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
