// The real bot's answers in the Web Chat page, in Debian's Chromium: what a member reads must be
// what the bot wrote. Markdown would renumber ranks ("1. 王芳", "1. 李四" shown as 1 and 2), run
// the year's ranking into the quarter's list, fold line breaks and eat the * and _ in names.
// Run by WebChatRenderingTests, which seeds the branch (王芳 and 李四 tie with 5 points this
// quarter, 张_三* has 2, 赵#六 none) and links the page users wangfang and secretary.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { baseUrl, missingBot } from './harness.mjs';

const executablePath = process.env.CHATREPORT_CHROMIUM ?? '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const PATIENCE_MS = 30_000;
// The digest runs every minute in this test; the first round may be a minute away.
const DIGEST_PATIENCE_MS = 150_000;

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

// A phone-sized page, as most members use.
async function openAs({ name, userId, group }) {
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  await page.goto(`${baseUrl}/`);
  await page.fill('#name', name);
  await page.fill('#user-id', userId);
  if (group) {
    await page.check('input[name="mode"][value="group"]');
    await page.fill('#group', group);
  }
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-id="webchat-sendbox-input"]', { timeout: PATIENCE_MS });
  await page.locator('.webchat__connectivityStatus', { hasText: '正在连接' }).waitFor({ state: 'hidden', timeout: PATIENCE_MS });
  return { context, page, problems };
}

async function say(page, text) {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

/** The bot's bubble holding text, once it is there; its rendered lines, trimmed, without empty ones. */
async function answer(page, text, timeout = PATIENCE_MS) {
  const bubble = page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: text }).last();
  await bubble.waitFor({ timeout });
  const rendered = await bubble.innerText();
  return {
    bubble,
    text: rendered,
    lines: rendered.split('\n').map(line => line.trim()).filter(line => line.length > 0),
    lists: await bubble.locator('ol, ul, li').count(),
    headings: await bubble.locator('h1, h2, h3, h4, h5, h6').count()
  };
}

/** The natural width of the last picture in scope, once the browser has decoded it (0 if it could not). */
async function loadedWidth(scope) {
  const image = scope.locator('img').last();
  await image.waitFor({ timeout: PATIENCE_MS });
  await image.scrollIntoViewIfNeeded();
  return image.evaluate(img => img.complete && img.naturalWidth > 0
    ? img.naturalWidth
    : new Promise(resolve => {
      img.addEventListener('load', () => resolve(img.naturalWidth), { once: true });
      img.addEventListener('error', () => resolve(0), { once: true });
    }));
}

describe('the real bot in the Web Chat page', { skip: missingBot }, () => {
  test('the ranking shows a tie as the same rank twice, and the year apart from the quarter', async () => {
    const { context, page, problems } = await openAs({ name: '王芳', userId: 'wangfang' });
    try {
      await say(page, '排行榜');
      const ranking = await answer(page, '全年排行');
      await page.screenshot({ path: `${artifacts}webchat-ranking.png`, fullPage: true });

      assert.equal(ranking.lists, 0, `the ranking became a Markdown list:\n${ranking.text}`);
      const year = ranking.lines.findIndex(line => /^\d{4}年全年排行：$/.test(line));
      assert.ok(year > 0, `the year's heading is not a line of its own:\n${ranking.text}`);
      const quarter = ranking.lines.slice(0, year);
      assert.match(quarter[0], /^本季度（第\d季度）排行：$/);
      assert.ok(quarter.includes('1. 王芳 5 分'), `王芳's tied first place is missing:\n${ranking.text}`);
      assert.ok(quarter.includes('1. 李四 5 分'), `李四's tied first place is missing:\n${ranking.text}`);
      assert.ok(quarter.includes('3. 张_三* 2 分'), `the third place (after a tie) or the name's * and _ are lost:\n${ranking.text}`);
      assert.ok(quarter.some(line => line.startsWith('4. 赵#六 0 分')), `赵#六 is missing:\n${ranking.text}`);
      assert.ok(quarter.includes('您：第 1 名，5 分'));
      const yearLines = ranking.lines.slice(year + 1);
      assert.ok(yearLines.includes('1. 王芳 65 分') && yearLines.includes('1. 李四 65 分'), `the year's tie is missing:\n${ranking.text}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('help keeps every bullet on its own line', async () => {
    const { context, page, problems } = await openAs({ name: '王芳', userId: 'wangfang' });
    try {
      await say(page, '帮助');
      const help = await answer(page, '您可以这样说');
      await page.screenshot({ path: `${artifacts}webchat-help.png`, fullPage: true });

      assert.equal(help.lists, 0, `help became a Markdown list:\n${help.text}`);
      assert.equal(help.lines[0], '您可以这样说：');
      const bullets = help.lines.slice(1, -1);
      assert.ok(bullets.length >= 5, `too few help lines:\n${help.text}`);
      for (const line of bullets) {
        assert.match(line, /^· \S.* —— \S/, `a help line lost its bullet or ran into another:\n${help.text}`);
      }
      assert.ok(bullets.includes('· 我的积分 —— 查积分和名次'));
      assert.equal(help.lines.at(-1), '做了好事也可以直接跟我说，不用加“申报”。');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('my points keep one fact a line', async () => {
    const { context, page, problems } = await openAs({ name: '王芳', userId: 'wangfang' });
    try {
      await say(page, '我的积分');
      const points = await answer(page, '基础分');
      await page.screenshot({ path: `${artifacts}webchat-mypoints.png`, fullPage: true });

      assert.equal(points.lists, 0, `my points became a Markdown list:\n${points.text}`);
      assert.match(points.lines[0], /^\d{4}年积分：65 分$/);
      assert.equal(points.lines[1], '（基础分 60 + 加分 5 − 扣分 0）');
      assert.match(points.lines[2], /^第\d季度的加减分：$/);
      assert.match(points.lines[3], /^· \d+月\d+日 志愿服务 \+5$/);
      assert.ok(points.lines.includes('支部排名：第 1 名（共 5 人）'), `the rank is missing or merged:\n${points.text}`);
      // The months in words, and the chart of them as a picture the browser could load (Web
      // Chat shows an attachment in a bubble of its own, after the text).
      assert.ok(points.lines.some(line => line.startsWith('各月得分（我/支部中位数）：')), `the months in words are missing:\n${points.text}`);
      assert.equal(await loadedWidth(page.locator('.webchat__bubble:not(.webchat__bubble--from-user)')), 720, 'the my-points chart did not load');
      await page.screenshot({ path: `${artifacts}webchat-mypoints.png`, fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test("the group's digest shows the quarter's tie as the bot ranked it", async () => {
    const group = `支部群-${randomUUID().slice(0, 6)}`;
    const { context, page, problems } = await openAs({ name: '李书记', userId: 'secretary', group });
    try {
      await say(page, '订阅日报');
      await answer(page, '日报');
      const digest = await answer(page, '积分日报', DIGEST_PATIENCE_MS);
      await page.screenshot({ path: `${artifacts}webchat-digest.png`, fullPage: true });

      assert.equal(digest.headings, 0, `the digest grew Markdown headings:\n${digest.text}`);
      assert.match(digest.lines[0], /^【山岔村党支部】\d+月\d+日积分日报/);
      const top = digest.lines.indexOf(digest.lines.find(line => /^第\d季度前三名$/.test(line)));
      assert.ok(top > 0, `no top-three heading:\n${digest.text}`);
      const text = digest.lines.slice(top + 1).join('\n');
      assert.match(text, /1\. 王芳\s*5分/, `王芳's tied first place:\n${digest.text}`);
      assert.match(text, /1\. 李四\s*5分/, `李四's tied first place:\n${digest.text}`);
      assert.match(text, /3\. 张_三\*\s*2分/, `the third place:\n${digest.text}`);
      // The month's points by day: in words, and as the chart inside the card.
      const month = digest.lines.findIndex(line => /^\d+月每日积分（按做好事的日子）$/.test(line));
      assert.ok(month > 0, `no month heading:\n${digest.text}`);
      assert.match(digest.lines[month + 1], /^\d+日 \+12；本月共12分$/, `the month's numbers:\n${digest.text}`);
      assert.equal(await loadedWidth(digest.bubble), 720, 'the digest chart did not load');
      await page.screenshot({ path: `${artifacts}webchat-digest.png`, fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
