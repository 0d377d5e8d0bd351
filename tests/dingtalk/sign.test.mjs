// DingTalk signs callbacks and custom robot webhooks with Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).
// Node's crypto recomputes every signature ChatReport made (DINGTALK_VECTORS) and the published examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';

const sign = (timestamp, secret) =>
  createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(`${timestamp}\n${secret}`, 'utf8')).digest('base64');

const vectors = JSON.parse(process.env.DINGTALK_VECTORS ?? '[]');

test('ChatReport passed its signatures', () => {
  assert.ok(vectors.length >= 10, `only ${vectors.length} vectors`);
});

test('the examples of the protocol notes', () => {
  assert.equal(sign('1577262236757', 'this is secret'), 'hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=');
  assert.equal(sign('1700000000000', '测试secret'), 'QoNzZ2SrZYtph9TSe02EwgrtwA8Wy/bufNou/wetdP8=');
});

test('every callback signature ChatReport computed matches Node', () => {
  for (const { timestamp, secret, sign: theirs } of vectors) {
    assert.equal(theirs, sign(timestamp, secret), `timestamp ${timestamp}`);
  }
});

test('every webhook query value ChatReport built is the URL-encoded signature', () => {
  for (const { timestamp, secret, urlSign } of vectors) {
    assert.equal(urlSign, encodeURIComponent(sign(timestamp, secret)), `timestamp ${timestamp}`);
  }
});
