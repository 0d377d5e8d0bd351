// The official Bot Framework JS SDK plays the channel: botbuilder's ChannelServiceRoutes serves the
// Connector API that the bot replies to, and this file POSTs channel activities to the bot.
// Run by ConformanceTests in ChatReport.Bot.Tests, which starts the bot and sets BOT_URL.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import { ChannelServiceHandler, ChannelServiceRoutes } from 'botbuilder';
import { AuthenticationConfiguration, SimpleCredentialProvider } from 'botframework-connector';

const botUrl = process.env.BOT_URL;
const teamsConversation = '19:abc@thread.v2;messageid=123';

/** Records every Connector call the bot makes, as the real channel service would receive it. */
class RecordingChannel extends ChannelServiceHandler {
  constructor() {
    // Empty app id and password: authentication off, as for a local channel.
    super(new SimpleCredentialProvider('', ''), new AuthenticationConfiguration());
    this.calls = [];
    this.ids = 0;
  }

  async onSendToConversation(_claims, conversationId, activity) {
    const id = `sent-${++this.ids}`;
    this.calls.push({ op: 'send', conversationId, activity, id });
    return { id };
  }

  async onReplyToActivity(_claims, conversationId, activityId, activity) {
    const id = `reply-${++this.ids}`;
    this.calls.push({ op: 'reply', conversationId, activityId, activity, id });
    return { id };
  }

  async onUpdateActivity(_claims, conversationId, activityId, activity) {
    this.calls.push({ op: 'update', conversationId, activityId, activity });
    return { id: activityId };
  }

  async onDeleteActivity(_claims, conversationId, activityId) {
    this.calls.push({ op: 'delete', conversationId, activityId });
  }

  async onGetConversationMembers(_claims, conversationId) {
    this.calls.push({ op: 'members', conversationId });
    return [{ id: '29:user-1', name: '王芳' }, { id: '28:bot', name: 'ChatReport' }];
  }

  async onCreateConversation(_claims, parameters) {
    this.calls.push({ op: 'create', parameters });
    return { id: 'a:personal-1' };
  }
}

const channel = new RecordingChannel();
const authorizationHeaders = [];
let server;
let serviceUrl;
let nextId = 0;

before(async () => {
  assert.ok(botUrl, 'BOT_URL must point at the bot\'s /api/messages');
  const app = express();
  app.use((req, _res, next) => {
    authorizationHeaders.push(req.headers.authorization);
    next();
  });
  new ChannelServiceRoutes(channel).register(app);
  server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  // No trailing slash on purpose: the bot must add exactly one before "v3/".
  serviceUrl = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  channel.calls.length = 0;
  authorizationHeaders.length = 0;
});

function activity(fields) {
  return {
    type: 'message',
    id: `1:${Date.now()}-${++nextId}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:user-1', name: '王芳', aadObjectId: 'aad-1' },
    recipient: { id: '28:bot', name: 'ChatReport' },
    conversation: { id: teamsConversation, isGroup: true, conversationType: 'groupChat', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
    ...fields,
  };
}

async function post(body) {
  const response = await fetch(botUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

describe('messages', () => {
  test('a group message is answered with 200 and a threaded reply addressed like the SDK', async () => {
    const inbound = activity({
      text: '<at>ChatReport</at> hello',
      entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'ChatReport' }, text: '<at>ChatReport</at>' }],
    });

    const answer = await post(inbound);

    assert.equal(answer.status, 200);
    assert.equal(answer.text, '');
    assert.equal(channel.calls.length, 1);
    const [call] = channel.calls;
    assert.equal(call.op, 'reply');
    assert.equal(call.conversationId, teamsConversation);
    assert.equal(call.activityId, inbound.id);
    assert.equal(call.activity.type, 'message');
    assert.equal(call.activity.text, 'echo: hello');
    assert.equal(call.activity.replyToId, inbound.id);
    assert.equal(call.activity.from.id, '28:bot');
    assert.equal(call.activity.recipient.id, '29:user-1');
    assert.equal(call.activity.conversation.id, teamsConversation);
    assert.equal(call.activity.channelId, 'msteams');
    assert.equal(call.activity.id, undefined);
    assert.deepEqual(authorizationHeaders, [undefined], 'with authentication off the bot sends no Authorization header');
  });

  test('a redelivered message is acknowledged and answered once', async () => {
    const inbound = activity({ text: 'once' });

    const first = await post(inbound);
    const second = await post(inbound);

    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.deepEqual(channel.calls.map((c) => c.activity.text), ['echo: once']);
  });

  test('a card submit arrives as a message with a value and no text', async () => {
    await post(activity({ text: undefined, replyToId: 'card-1', value: { verb: 'approve', claimId: 7 } }));

    assert.equal(channel.calls.length, 1);
    assert.equal(channel.calls[0].activity.text, 'submitted: {"verb":"approve","claimId":7}');
  });

  test('typing goes to the channel before the text', async () => {
    await post(activity({ text: 'typing' }));

    assert.deepEqual(channel.calls.map((c) => c.activity.type), ['typing', 'message']);
  });
});

describe('conversation updates', () => {
  test('new members are welcomed in reply to the update on Teams', async () => {
    const update = activity({
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:new', name: 'Li Lei' }, { id: '28:bot', name: 'ChatReport' }],
    });

    const answer = await post(update);

    assert.equal(answer.status, 200);
    assert.equal(channel.calls.length, 1);
    assert.equal(channel.calls[0].op, 'reply');
    assert.equal(channel.calls[0].activity.text, 'welcome Li Lei');
    assert.equal(channel.calls[0].activity.replyToId, update.id);
  });

  test('on Direct Line the welcome goes to the conversation without a reply target', async () => {
    const update = activity({
      type: 'conversationUpdate',
      channelId: 'directline',
      conversation: { id: 'dl-conv-1' },
      membersAdded: [{ id: 'dl_user', name: 'Han Meimei' }],
    });

    await post(update);

    assert.equal(channel.calls.length, 1);
    assert.equal(channel.calls[0].op, 'send');
    assert.equal(channel.calls[0].conversationId, 'dl-conv-1');
    assert.equal(channel.calls[0].activity.replyToId, undefined);
  });
});

describe('invokes and other types', () => {
  test('adaptiveCard/action is answered in the HTTP response', async () => {
    const answer = await post(activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'approve', data: { claimId: 7 } }, trigger: 'manual' },
    }));

    assert.equal(answer.status, 200);
    assert.deepEqual(JSON.parse(answer.text), {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'done: approve',
    });
    assert.equal(channel.calls.length, 0);
  });

  test('an invoke nobody handles gets 501', async () => {
    const answer = await post(activity({ type: 'invoke', name: 'composeExtension/query', value: {} }));

    assert.equal(answer.status, 501);
  });

  test('an unknown activity type is acknowledged and ignored', async () => {
    const answer = await post(activity({ type: 'someFutureType', text: 'hello' }));

    assert.equal(answer.status, 200);
    assert.equal(channel.calls.length, 0);
  });

  test('malformed JSON gets 400 with an ErrorResponse', async () => {
    const answer = await post('{"type":"message",');

    assert.equal(answer.status, 400);
    assert.equal(JSON.parse(answer.text).error.code, 'BadSyntax');
  });
});

describe('other Connector operations', () => {
  test('update and delete reach the channel for the activity the bot sent', async () => {
    await post(activity({ text: 'edit' }));

    assert.deepEqual(channel.calls.map((c) => c.op), ['reply', 'update', 'delete']);
    const [draft, update, remove] = channel.calls;
    assert.equal(draft.activity.text, 'draft');
    assert.equal(update.activityId, draft.id);
    assert.equal(update.activity.text, 'final');
    assert.equal(update.conversationId, teamsConversation);
    assert.equal(remove.activityId, update.activityId);
    assert.equal(remove.conversationId, teamsConversation);
  });

  test('members are read from the channel', async () => {
    await post(activity({ text: 'members' }));

    assert.deepEqual(channel.calls.map((c) => c.op), ['members', 'reply']);
    assert.equal(channel.calls[0].conversationId, teamsConversation);
    assert.equal(channel.calls[1].activity.text, 'members: 29:user-1,28:bot');
  });

  test('a personal conversation is created and posted into', async () => {
    await post(activity({ text: 'dm' }));

    assert.deepEqual(channel.calls.map((c) => c.op), ['create', 'send']);
    const [create, send] = channel.calls;
    assert.equal(create.parameters.isGroup, false);
    assert.equal(create.parameters.bot.id, '28:bot');
    assert.deepEqual(create.parameters.members.map((m) => m.id), ['29:user-1']);
    assert.equal(create.parameters.tenantId, 'tenant-1');
    assert.equal(send.conversationId, 'a:personal-1');
    assert.equal(send.activity.text, 'private hello');
    assert.equal(send.activity.recipient.id, '29:user-1');
  });
});
