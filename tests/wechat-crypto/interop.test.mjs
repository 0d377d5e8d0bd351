// npm wechat-crypto (an implementation of WXBizMsgCrypt we did not write) against ChatReport's.
// WeChatCryptoInteropTests passes what ChatReport encrypted in CHATREPORT_CRYPTO_IN and reads what
// this file encrypted from CHATREPORT_CRYPTO_OUT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const WXBizMsgCrypt = require('wechat-crypto');

const input = process.env.CHATREPORT_CRYPTO_IN;
const output = process.env.CHATREPORT_CRYPTO_OUT;
const skip = !input || !output ? 'run from WeChatCryptoInteropTests' : false;

test('decrypts and verifies what ChatReport encrypted and signed', { skip }, () => {
  const cases = JSON.parse(readFileSync(input, 'utf8'));
  assert.ok(cases.length > 0);
  for (const c of cases) {
    const crypto = new WXBizMsgCrypt(c.token, c.key, c.receiveId);
    assert.equal(crypto.getSignature(c.timestamp, c.nonce, c.encrypted), c.signature, `signature of ${c.message}`);
    const { message, id } = crypto.decrypt(c.encrypted);
    assert.equal(message, c.message);
    assert.equal(id, c.receiveId);
  }
});

test('encrypts and signs for ChatReport to decrypt', { skip }, () => {
  const cases = JSON.parse(readFileSync(input, 'utf8'));
  const produced = cases.map((c) => {
    const crypto = new WXBizMsgCrypt(c.token, c.key, c.receiveId);
    const encrypted = crypto.encrypt(c.message);
    return { ...c, encrypted, signature: crypto.getSignature(c.timestamp, c.nonce, encrypted) };
  });
  writeFileSync(output, JSON.stringify(produced));
});
