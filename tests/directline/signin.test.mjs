// The sign-in page on a phone, in Debian's Chromium with WeChat's in-app browser user agent:
// the server decides who a browser is; a cookie keeps it; nobody else can borrow it.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { baseUrl, helpReply, missingBot } from './harness.mjs';

const executablePath = process.env.CHATREPORT_CHROMIUM ?? '/usr/bin/chromium';
const joinCode = process.env.CHATREPORT_JOIN_CODE ?? '';
const otherCode = process.env.CHATREPORT_OTHER_JOIN_CODE ?? '';
const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const PATIENCE_MS = 30_000;

// WeChat's in-app browser on Android (its XWEB engine is Chromium).
const weChatAndroid = 'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2214 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

let browser;

before(async () => {
  if (missingBot) {
    return;
  }

  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  });
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await browser?.close();
});

/** A phone: its own cookies, a phone viewport and touch, and WeChat's user agent. */
async function openPhone() {
  const context = await browser.newContext({
    viewport: { width: 390, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: weChatAndroid,
    locale: 'zh-CN'
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  await page.goto(`${baseUrl}/`);
  return { context, page, problems };
}

async function waitForChat(page) {
  await page.waitForSelector('[data-id="webchat-sendbox-input"]', { timeout: PATIENCE_MS });
  await page.locator('.webchat__connectivityStatus', { hasText: '正在连接' }).waitFor({ state: 'hidden', timeout: PATIENCE_MS });
}

async function signIn(page, code, name) {
  await page.waitForSelector('#signin:not([hidden])', { timeout: PATIENCE_MS });
  await page.fill('#code', code);
  await page.fill('#signin-name', name);
  await page.tap('#signin button[type="submit"]');
  await waitForChat(page);
}

/** Calls the bot from inside the page, with the page's cookies, as its script would. */
function fetchInPage(page, path, body, bearer) {
  return page.evaluate(async ({ path, body, bearer }) => {
    const headers = { 'Content-Type': 'application/json' };
    if (bearer) {
      headers.Authorization = `Bearer ${bearer}`;
    }
    const response = await fetch(path, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json().catch(() => null) };
  }, { path, body, bearer });
}

describe('signing in to the Web Chat page on a phone', { skip: missingBot }, () => {
  test('a code signs in, a reload keeps the member, and no other browser or token can act as them', async () => {
    const wang = await openPhone();
    const zhao = await openPhone();
    try {
      await signIn(wang.page, joinCode, '王芳');
      const me = (await fetchInPage(wang.page, '/webchat/me')).body;
      assert.equal(me.name, '王芳');
      assert.match(await wang.page.textContent('#who'), /王芳/);

      // Nothing wider than the phone, so nothing hides off screen in WeChat.
      assert.ok(await wang.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
      await wang.page.locator('[data-id="webchat-sendbox-input"]').fill('帮助');
      await wang.page.locator('[data-id="webchat-sendbox-input"]').press('Enter');
      await wang.page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: helpReply.slice(0, 12) }).waitFor({ timeout: PATIENCE_MS });
      await wang.page.screenshot({ path: `${artifacts}signin-phone.png` });

      // A reload goes straight back into the chat as the same member.
      await wang.page.reload();
      await waitForChat(wang.page);
      assert.equal(await wang.page.isHidden('#signin'), true);
      assert.equal((await fetchInPage(wang.page, '/webchat/me')).body.userId, me.userId);

      // Another phone is not signed in, and naming 王芳's user id gets it nothing.
      await zhao.page.waitForSelector('#signin:not([hidden])', { timeout: PATIENCE_MS });
      const borrowed = await fetchInPage(zhao.page, '/webchat/token', { userId: me.userId, name: '王芳' });
      assert.equal(borrowed.status, 401);

      // Signed in as someone else, a forged user id is refused, and the token it does get is its own.
      await signIn(zhao.page, otherCode, '赵六');
      const forged = await fetchInPage(zhao.page, '/webchat/token', { userId: me.userId });
      assert.equal(forged.status, 403);
      const zhaoToken = (await fetchInPage(zhao.page, '/webchat/token', {})).body;
      assert.notEqual(zhaoToken.userId, me.userId);

      // 赵六's Direct Line token cannot read 王芳's conversation.
      const wangToken = (await fetchInPage(wang.page, '/webchat/token', {})).body;
      const read = await fetchInPage(zhao.page, `/v3/directline/conversations/${encodeURIComponent(wangToken.conversationId)}/activities`, undefined, zhaoToken.token);
      assert.equal(read.status, 403);
      assert.deepEqual(wang.problems, []);
      assert.deepEqual(zhao.problems, []);
    } finally {
      await wang.context.close();
      await zhao.context.close();
    }
  });

  test('my devices signs the other phone out', async () => {
    const first = await openPhone();
    const second = await openPhone();
    try {
      await signIn(first.page, joinCode, '孙七');
      const devices = (await fetchInPage(first.page, '/webchat/devices')).body;
      assert.equal(devices.length, 1);
      await first.page.tap('#show-devices');
      await first.page.waitForSelector('#devices:not([hidden])', { timeout: PATIENCE_MS });
      assert.equal(await first.page.locator('#device-list li').count(), 1);
      await first.page.tap('#close-devices');

      await signIn(second.page, joinCode, '周八');
      const secondDevices = (await fetchInPage(second.page, '/webchat/devices')).body;
      assert.equal(secondDevices.length, 1);
      // One member cannot sign out the other's phone: the answer is that of a missing device.
      const meddle = await fetchInPage(first.page, `/webchat/devices/${secondDevices[0].id}/signout`, {});
      assert.equal(meddle.status, 404);
      // The phone itself can.
      await second.page.tap('#show-devices');
      await second.page.locator('#device-list button').first().tap();
      await second.page.waitForSelector('#signin:not([hidden])', { timeout: PATIENCE_MS });
      assert.equal((await fetchInPage(second.page, '/webchat/token', {})).status, 401);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  test('guessing codes is throttled', async () => {
    const guesser = await openPhone();
    try {
      const answers = [];
      for (let i = 0; i < 8; i++) {
        answers.push((await fetchInPage(guesser.page, '/webchat/signin', { code: String(400000 + i), name: '猜码' })).status);
      }
      assert.ok(answers.slice(0, 5).every(status => status === 400), `the first wrong codes get 400: ${answers}`);
      assert.ok(answers.slice(5).every(status => status === 429), `then 429: ${answers}`);
      assert.equal((await fetchInPage(guesser.page, '/webchat/signin', { code: joinCode, name: '猜码' })).status, 429);
    } finally {
      await guesser.context.close();
    }
  });
});
