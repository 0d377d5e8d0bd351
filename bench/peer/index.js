// The ChatReport member flow (join with a code and a name confirmation, report a deed with a
// photo step and a confirmation, my points) on the official Bot Framework SDK for JavaScript,
// written the way the SDK's samples write bots: CloudAdapter, ConversationState + UserState over
// MemoryStorage, a ComponentDialog per feature, waterfalls and the stock prompts. It exists only
// to be measured next to ChatReport by bench/run-compare.sh; it is not a product.
//
//   node index.js --port 3979 --codes codes.json [--claims claims.jsonl]
//
// codes.json: {"123456": "山岔村党支部", ...}. Claims live in memory and are appended to a JSON
// lines file (no fsync), which is what a sample-grade SDK bot would do; ChatReport writes every
// claim, member and dialog state to SQLite with synchronous=FULL.
'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');
const {
    ActivityHandler,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage,
    UserState,
} = require('botbuilder');
const {
    AttachmentPrompt,
    ChoicePrompt,
    ComponentDialog,
    ConfirmPrompt,
    DialogSet,
    DialogTurnStatus,
    TextPrompt,
    WaterfallDialog,
} = require('botbuilder-dialogs');

function option(name, fallback) {
    const i = process.argv.indexOf(name);
    return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(option('--port', '3979'));
const codes = JSON.parse(fs.readFileSync(option('--codes', path.join(__dirname, 'codes.json')), 'utf8'));
const claimsFile = option('--claims', null);
const rules = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'bot', 'rules.default.json'), 'utf8')).rules
    .filter(r => r.kind === 'bonus');

// The "database": members by channel account and claims, in memory; claims also go to a file.
const members = new Map();
const claims = [];
let nextClaimId = 1;
const claimLog = claimsFile ? fs.createWriteStream(claimsFile, { flags: 'a' }) : null;

// The same keyword search as ChatReport's rule book: the longest keyword found in the sentence wins.
function findRule(text) {
    let best = null;
    for (const rule of rules) {
        for (const keyword of rule.keywords) {
            if (text.includes(keyword) && (!best || keyword.length > best.keyword.length)) {
                best = { rule, keyword };
            }
        }
    }
    return best && best.rule;
}

const DAY_WORDS = [['前天', -2], ['昨天', -1], ['今天', 0]];
function parseDeed(sentence) {
    const text = sentence.replace(/^申报\s*/, '');
    const day = DAY_WORDS.find(([word]) => text.includes(word));
    const when = new Date(Date.now() + (day ? day[1] : 0) * 86400000);
    const place = /在(.{1,10}?)(带头|帮|参加|义务|打扫|扫|铲|值班|志愿|给)/.exec(text);
    const rule = findRule(text);
    return {
        description: text,
        occurredOn: when.toISOString().slice(0, 10),
        place: place ? place[1] : null,
        ruleCode: rule ? rule.code : null,
        ruleName: rule ? rule.name_zh : null,
        points: rule ? rule.default_points : null,
        photos: [],
    };
}

class JoinDialog extends ComponentDialog {
    constructor() {
        super('join');
        this.addDialog(new ConfirmPrompt("confirm", undefined, "zh-cn"));
        this.addDialog(new TextPrompt('name'));
        this.addDialog(new WaterfallDialog('steps', [
            async step => {
                const code = step.options.code;
                const unit = codes[code];
                if (!unit) {
                    await step.context.sendActivity('这个加入码不存在，请向书记确认。');
                    return step.endDialog();
                }
                step.values.unit = unit;
                step.values.suggested = step.context.activity.from.name;
                return step.prompt('confirm', { prompt: `您的名字是“${step.values.suggested}”吗？`, choices: ['是', '否'] });
            },
            async step => step.result ? step.next(step.values.suggested) : step.prompt('name', '请告诉我您在支部名册上的名字。'),
            async step => {
                const { channelId, from } = step.context.activity;
                members.set(`${channelId}/${from.id}`, { name: step.result, unit: step.values.unit, joinedAt: new Date().toISOString() });
                await step.context.sendActivity(`欢迎${step.result}加入${step.values.unit}！`);
                return step.endDialog();
            },
        ]));
        this.initialDialogId = 'steps';
    }
}

class ReportDialog extends ComponentDialog {
    constructor() {
        super('report');
        this.addDialog(new AttachmentPrompt('photo', async prompt => prompt.recognized.succeeded
            || ['跳过', '没有', '无'].includes((prompt.context.activity.text || '').trim())));
        this.addDialog(new ChoicePrompt('decide', undefined, 'zh-cn'));
        this.addDialog(new TextPrompt('what'));
        this.addDialog(new WaterfallDialog('steps', [
            async step => {
                const member = members.get(`${step.context.activity.channelId}/${step.context.activity.from.id}`);
                if (!member) {
                    await step.context.sendActivity('您还没有加入支部，请先发送“加入 加入码”。');
                    return step.endDialog();
                }
                step.values.draft = parseDeed(step.options.sentence || '');
                return step.values.draft.ruleCode ? step.next() : step.prompt('what', '这件事算哪一项？');
            },
            async step => {
                const draft = step.values.draft;
                if (!draft.ruleCode) {
                    const rule = findRule(step.result || '') || rules[0];
                    Object.assign(draft, { ruleCode: rule.code, ruleName: rule.name_zh, points: rule.default_points });
                }
                return step.prompt('photo', { prompt: '有照片的话请发一张，没有就说“跳过”。' });
            },
            async step => {
                const draft = step.values.draft;
                if (Array.isArray(step.result)) {
                    draft.photos = step.result.map(a => a.contentUrl);
                }
                const summary = [
                    '请确认：',
                    `时间：${draft.occurredOn}`,
                    `地点：${draft.place || '无'}`,
                    `项目：${draft.ruleName}，${draft.points} 分`,
                    `照片：${draft.photos.length} 张`,
                ].join('\n');
                return step.prompt('decide', { prompt: summary, choices: ['提交', '修改', '取消'] });
            },
            async step => {
                if (step.result.value !== '提交') {
                    await step.context.sendActivity('已取消。');
                    return step.endDialog();
                }
                const { channelId, from, conversation, id } = step.context.activity;
                const claim = {
                    id: nextClaimId++,
                    account: `${channelId}/${from.id}`,
                    conversationId: conversation.id,
                    activityId: id,
                    ...step.values.draft,
                    status: 'pending',
                    createdAt: new Date().toISOString(),
                };
                claims.push(claim);
                if (claimLog) {
                    claimLog.write(JSON.stringify(claim) + '\n');
                }
                await step.context.sendActivity(`已提交，编号 ${claim.id}，等待书记审核。`);
                return step.endDialog();
            },
        ]));
        this.initialDialogId = 'steps';
    }
}

class MainDialog extends ComponentDialog {
    constructor() {
        super('main');
        this.addDialog(new JoinDialog());
        this.addDialog(new ReportDialog());
        this.addDialog(new WaterfallDialog('route', [
            async step => {
                const text = (step.context.activity.text || '').trim();
                let match;
                if ((match = /^加入\s*(\S+)/.exec(text))) {
                    return step.beginDialog('join', { code: match[1] });
                }
                if (text.startsWith('申报')) {
                    return step.beginDialog('report', { sentence: text });
                }
                if (text === '我的积分') {
                    const account = `${step.context.activity.channelId}/${step.context.activity.from.id}`;
                    const member = members.get(account);
                    if (!member) {
                        await step.context.sendActivity('您还没有加入支部，请先发送“加入 加入码”。');
                        return step.endDialog();
                    }
                    const mine = claims.filter(c => c.account === account);
                    const pending = mine.filter(c => c.status === 'pending');
                    await step.context.sendActivity(
                        `${new Date().getFullYear()}年积分：60 分\n待审核：${pending.length} 条（编号 ${pending.map(c => c.id).join('、')}）`);
                    return step.endDialog();
                }
                await step.context.sendActivity('您好！发送“加入 123456”加入支部，“申报 昨天在村口扫雪”申报积分，“我的积分”查看积分。');
                return step.endDialog();
            },
        ]));
        this.initialDialogId = 'route';
    }
}

class PeerBot extends ActivityHandler {
    constructor(conversationState, userState) {
        super();
        this.conversationState = conversationState;
        this.userState = userState;
        this.dialogState = conversationState.createProperty('DialogState');
        this.profile = userState.createProperty('Profile');
        this.dialogs = new DialogSet(this.dialogState);
        this.dialogs.add(new MainDialog());
        this.onMessage(async (context, next) => {
            const profile = await this.profile.get(context, { turns: 0 });
            profile.turns++;
            const dc = await this.dialogs.createContext(context);
            const result = await dc.continueDialog();
            if (result.status === DialogTurnStatus.empty) {
                await dc.beginDialog('main');
            }
            await next();
        });
    }

    async run(context) {
        await super.run(context);
        await this.conversationState.saveChanges(context, false);
        await this.userState.saveChanges(context, false);
    }
}

const storage = new MemoryStorage();
const bot = new PeerBot(new ConversationState(storage), new UserState(storage));
// No MicrosoftAppId: the SDK skips authentication both ways, as ChatReport does without one.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(`turn error: ${error && error.stack}`);
    await context.sendActivity('出错了，请重试。');
};

const app = express();
app.use(express.json({ limit: '256kb' }));
app.post('/api/messages', (req, res) => adapter.process(req, res, context => bot.run(context)));
app.get('/healthz', (req, res) => res.send('Healthy'));
app.listen(port, '127.0.0.1', () => console.log(`peer bot listening on http://127.0.0.1:${port}/api/messages`));
