// The official Direct Line client (botframework-directlinejs 0.15.8) against the bot's own
// Direct Line channel, with the test's fake bot behind it.
import './globals.mjs';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { ConnectionStatus, connect, domain, generateToken, missingBot, pageToken, secret } from './harness.mjs';

const opened = [];
function open(options) {
  const client = connect(options);
  opened.push(client);
  return client;
}

after(() => opened.forEach(client => client.close()));

function unique(prefix) {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

describe('Direct Line 3.0 served by ChatReport', { skip: missingBot }, () => {
  for (const webSocket of [false, true]) {
    const how = webSocket ? 'WebSocket' : 'polling';

    test(`a message gets the bot's answer by ${how}`, async () => {
      const userId = unique(`dl_${how}`);
      const { token } = await generateToken(userId);
      const client = open({ token, webSocket });

      const id = await client.post({ type: 'message', from: { id: userId, name: '测试' }, text: `你好 ${how}` });

      assert.match(id, /\|\d{7}$/);
      const echo = await client.waitForActivity(a => a.id === id, 'the echo of the message');
      assert.equal(echo.from.id, userId);
      assert.equal(echo.channelId, 'directline');
      const reply = await client.waitForActivity(a => a.replyToId === id, "the bot's reply");
      assert.equal(reply.text, `收到：你好 ${how}`);
      assert.equal(reply.from.role, 'bot');
    });
  }

  test('the secret can start a conversation for a named user directly', async () => {
    const userId = unique('secret-user');
    const client = open({ secret, webSocket: true });
    client.directLine.setUserId(userId);

    const id = await client.post({ type: 'message', from: { id: 'ignored' }, text: '用密钥' });

    const reply = await client.waitForActivity(a => a.replyToId === id, "the bot's reply");
    assert.equal(reply.text, '收到：用密钥');
    assert.equal(client.received.find(a => a.id === id).from.id, userId);
  });

  test('a refreshed token keeps working on the same conversation', async () => {
    const userId = unique('dl_refresh');
    const { token, conversationId } = await generateToken(userId);
    const client = open({ token, webSocket: false });
    await client.waitForStatus(ConnectionStatus.Online);

    const refreshed = await new Promise((resolve, reject) => client.directLine.refreshToken().subscribe({ next: resolve, error: reject }));

    assert.notEqual(refreshed, token);
    const fresh = open({ token: refreshed, conversationId, webSocket: false });
    const id = await fresh.post({ type: 'message', from: { id: userId }, text: '换了令牌' });
    const reply = await fresh.waitForActivity(a => a.replyToId === id, "the bot's reply");
    assert.equal(reply.text, '收到：换了令牌');
  });

  test('a wrong secret is refused', async () => {
    const client = open({ secret: 'not-the-secret-at-all', webSocket: false });

    await assert.rejects(client.post({ type: 'message', from: { id: 'u' }, text: '让我进去' }));
    await client.waitForStatus(ConnectionStatus.FailedToConnect);

    const response = await fetch(`${domain}/conversations`, { method: 'POST', headers: { Authorization: 'Bearer not-the-secret-at-all' } });
    assert.equal(response.status, 401);
    assert.equal((await response.json()).error.code, 'Unauthorized');
  });

  test('a token used on another conversation is refused', async () => {
    const mine = await generateToken(unique('dl_mine'));
    const theirs = await generateToken(unique('dl_theirs'));
    const client = open({ token: mine.token, conversationId: theirs.conversationId, webSocket: false });

    await client.waitForStatus(ConnectionStatus.FailedToConnect);

    const response = await fetch(`${domain}/conversations/${theirs.conversationId}/activities`, { headers: { Authorization: `Bearer ${mine.token}` } });
    assert.equal(response.status, 403);
    assert.equal((await response.json()).error.code, 'Forbidden');
  });

  test('two users in one group conversation see each other and the bot', async () => {
    const group = unique('一支部');
    const wang = await pageToken(unique('wangfang'), '王芳', group);
    const li = await pageToken(unique('lilei'), '李雷', group);
    assert.equal(wang.conversationId, li.conversationId);
    const wangClient = open({ token: wang.token, webSocket: true });
    const liClient = open({ token: li.token, webSocket: false });

    const fromWang = await wangClient.post({ type: 'message', from: { id: wang.userId, name: '王芳' }, text: '大家好' });
    const fromLi = await liClient.post({ type: 'message', from: { id: li.userId, name: '李雷' }, text: '王芳好' });

    const seenByLi = await liClient.waitForActivity(a => a.id === fromWang, "Wang's message at Li");
    assert.equal(seenByLi.from.name, '王芳');
    assert.equal(seenByLi.conversation.isGroup, true);
    await wangClient.waitForActivity(a => a.id === fromLi, "Li's message at Wang");
    await wangClient.waitForActivity(a => a.replyToId === fromLi, "the bot's reply to Li at Wang");
    await liClient.waitForActivity(a => a.replyToId === fromWang, "the bot's reply to Wang at Li");
  });
});
