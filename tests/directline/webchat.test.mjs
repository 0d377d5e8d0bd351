// The Web Chat page in Debian's Chromium (never a downloaded browser), driven by playwright-core.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { baseUrl, helpReply, missingBot } from './harness.mjs';

const executablePath = process.env.CHATREPORT_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const PATIENCE_MS = 30_000;

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

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  page.on('response', response => {
    if (response.status() >= 400) {
      problems.push(`${response.status()} for ${response.url()}`);
    }
  });
  // Nothing may come from anywhere but the bot itself: no CDN, no fonts, no telemetry.
  page.on('request', request => {
    if (!request.url().startsWith(baseUrl) && !request.url().startsWith(baseUrl.replace('http', 'ws')) && !/^(data|blob):/.test(request.url())) {
      problems.push(`request outside the bot: ${request.url()}`);
    }
  });
  await page.goto(`${baseUrl}/`);
  return { context, page, problems };
}

async function enter(page, { name, userId, group }) {
  await page.fill('#name', name);
  await page.fill('#user-id', userId);
  if (group) {
    await page.check('input[name="mode"][value="group"]');
    await page.fill('#group', group);
  }
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-id="webchat-sendbox-input"]', { timeout: PATIENCE_MS });
  // Web Chat shows "正在连接..." until its connection saga settles, a moment after the socket opens.
  await page.locator('.webchat__connectivityStatus', { hasText: '正在连接' }).waitFor({ state: 'hidden', timeout: PATIENCE_MS });
}

async function say(page, text) {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

function botBubble(page, text) {
  return page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: text });
}

describe('the Web Chat page', { skip: missingBot }, () => {
  test('opens in Chinese, switches to English, and remembers who you are', async () => {
    const { context, page, problems } = await openPage();
    try {
      assert.equal(await page.textContent('button[type="submit"]'), '进入对话');
      await page.click('#language');
      assert.equal(await page.textContent('button[type="submit"]'), 'Start chatting');
      await page.click('#language');
      const userId = `u-${randomUUID().slice(0, 8)}`;
      await enter(page, { name: '记性测试', userId });
      await page.click('#switch-identity');
      await page.waitForSelector('#identity:not([hidden])');
      assert.equal(await page.inputValue('#user-id'), userId);
      assert.equal(await page.inputValue('#name'), '记性测试');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('sending 帮助 shows the bot reply bubble', async () => {
    const { context, page, problems } = await openPage();
    try {
      await enter(page, { name: '王芳', userId: `wangfang-${randomUUID().slice(0, 8)}` });

      await say(page, '帮助');

      await botBubble(page, helpReply.slice(0, 12)).waitFor({ timeout: PATIENCE_MS });
      const mine = page.locator('.webchat__bubble--from-user', { hasText: '帮助' });
      await mine.waitFor({ timeout: PATIENCE_MS });
      assert.equal(await page.locator('text=/发送失败|Send failed/').count(), 0);
      await page.screenshot({ path: `${artifacts}webchat.png` });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("a bot's hero card renders and its button talks back", async () => {
    const { context, page, problems } = await openPage();
    try {
      await enter(page, { name: '书记', userId: `secretary-${randomUUID().slice(0, 8)}` });

      await say(page, 'card');

      const button = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) button', { hasText: '批准' });
      await button.waitFor({ timeout: PATIENCE_MS });
      assert.equal(await page.locator('.webchat__bubble', { hasText: '积分申请' }).count(), 1);
      await button.click();
      await botBubble(page, '收到：批准').waitFor({ timeout: PATIENCE_MS });
      await page.screenshot({ path: `${artifacts}webchat-card.png` });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a group shows the other members on the other side, under their names', async () => {
    const group = `一支部-${randomUUID().slice(0, 6)}`;
    const wang = await openPage();
    const li = await openPage();
    try {
      await enter(wang.page, { name: '王芳', userId: `wang-${randomUUID().slice(0, 8)}`, group });
      await enter(li.page, { name: '李雷', userId: `li-${randomUUID().slice(0, 8)}`, group });

      await say(wang.page, '今天扫雪两小时');

      await botBubble(li.page, '王芳').filter({ hasText: '今天扫雪两小时' }).waitFor({ timeout: PATIENCE_MS });
      await botBubble(li.page, '收到：今天扫雪两小时').waitFor({ timeout: PATIENCE_MS });
      await li.page.screenshot({ path: `${artifacts}webchat-group.png` });
      assert.deepEqual([...wang.problems, ...li.problems], []);
    } finally {
      await wang.context.close();
      await li.context.close();
    }
  });
});
