/**
 * The console as moderators use it on phones and keyboards, end to end (Debian's Chromium, a real server
 * on DynamoDB Local): every page at a 390×844 phone with nothing wider than the screen and usable
 * controls, the undo window of `a`, number keys and Ctrl+Enter, findings grouped per rule with numbered
 * marks, the history diff, the figures of 统计, `/` and the 404 page. Every page is also shot at desktop
 * and phone sizes into tests/artifacts/pages-*.png for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn as signInWith } from './browser.js';
import { startConsoleServer, type ConsoleTestServer } from './console-server.js';

let server: ConsoleTestServer;
let browser: Browser;
let moderator: string;

const unique = (title: string) => `${title}-${Math.random().toString(36).slice(2, 7)}`;
const PHONE = { width: 390, height: 844 };

const signIn = (page: Page) => signInWith(page, server.baseUrl, moderator);

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE, isMobile: true, hasTouch: true });
  return signIn(await context.newPage());
}

const adStatus = async (adId: string) => (await server.apiGet(`/v1/ads/${adId}`, moderator)).body as { status: string; version: number; review?: { decision: string; reason?: string } };

/** Nothing on the page is wider than the phone, and every top-bar item sits on one line. */
async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const lineHeights = await page.locator('header.top .brand, header.top nav a, header.top .who, header.top button').evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent, height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) || 24 })),
  );
  for (const item of lineHeights) expect(item.height, `top bar item “${item.text}” wraps`).toBeLessThan(item.lineHeight * 1.8);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
  moderator = await server.moderatorKey('审核员丁');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a posting form\'s fields on the ad page', () => {
  it('shows the structured conditions in the head, a condition that is a finding marked with its number, and what the ad lacks as a notice', async () => {
    const created = await server.submitAd({
      title: unique('店员'),
      description: '负责门店收银与陈列。',
      conditions: { gender: '女', ageMax: 30, education: '大专及以上' },
      headcount: 2,
      pay: { min: 4000, max: 5000, unit: 'month' },
    });
    for (const [name, page] of [['desktop', await signIn(await newPage(browser))], ['phone', await phonePage()]] as const) {
      await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
      const head = page.locator('.head-fields');
      await expect(head.locator('[data-field="conditions.gender"] .text').textContent()).resolves.toBe('女');
      await expect(head.locator('[data-field="conditions.education"] .text').textContent()).resolves.toBe('大专及以上');
      await expect(head.locator('[data-field="headcount"] .text').textContent()).resolves.toBe('2 人');
      await expect(head.locator('[data-field="pay"] .text').textContent()).resolves.toBe('4000–5000 元/月');
      const gender = head.locator('[data-field="conditions.gender"] mark[data-category="gender"]');
      const number = await page.locator('ol.findings > li[data-category="gender"] a.num').textContent();
      expect(await gender.getAttribute('data-finding')).toBe(number);
      await expect(head.locator('[data-field="conditions.ageMax"] mark[data-category="age"]').count()).resolves.toBe(1);
      // The degree level is no finding; what the ad lacks is listed as a notice without a quote.
      await expect(head.locator('[data-field="conditions.education"] mark').count()).resolves.toBe(0);
      const notice = page.locator('ol.findings > li[data-category="incomplete"]');
      await expect(notice.locator('dd').first().textContent()).resolves.toContain('缺少法定要素：用人单位基本情况');
      await expect(notice.locator('.quote').count()).resolves.toBe(0);
      if (name === 'phone') await expectFitsPhone(page);
      await screenshot(page, `pages-structured-ad-${name}`);
      await page.context().close();
    }
  });
});

describe('findings that read well', () => {
  it('groups one rule’s hits under one message and legal basis; marks carry the number of their list entry', async () => {
    const created = await server.submitAd({
      title: unique('会计'),
      description: '仅限985、211院校毕业。限本地户口，负责账务处理。',
      requirements: '限本地户口，持会计证。',
      company: { name: '恒信财务咨询有限公司' },
      salary: '月薪7000-9000元',
      location: '杭州市西湖区',
    });
    const page = await signIn(await newPage(browser));
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);

    const region = page.locator('ol.findings > li[data-rule="region-hukou-requirement"]');
    await expect(region.count()).resolves.toBe(1);
    expect(await region.getAttribute('data-hits')).toBe('2');
    await expect(region.locator('ul.hits > li').count()).resolves.toBe(2);
    await expect(region.locator('dd', { hasText: '人力资源市场暂行条例' }).count()).resolves.toBe(1);
    // Each hit keeps its own 误报 button.
    await expect(region.locator('form.false-alarm').count()).resolves.toBe(2);
    const number = await region.locator('a.num').textContent();
    const marks = page.locator('mark[data-rule="region-hukou-requirement"]');
    await expect(marks.count()).resolves.toBe(2);
    expect(await marks.evaluateAll((els) => els.map((el) => el.getAttribute('data-finding')))).toEqual([number, number]);
    // The number shows beside the mark without becoming part of the ad's text.
    expect(await marks.first().evaluate((el) => getComputedStyle(el, '::before').content)).toBe(`"${number}"`);
    await expect(page.locator('[data-field="description"] .text').textContent()).resolves.toBe('仅限985、211院校毕业。限本地户口，负责账务处理。');

    // 书名号 around titles only: never doubled, never around a document number.
    const laws = await page.locator('ol.findings > li[data-category="school_tier"] ul.laws li').allTextContents();
    expect(laws).toContain('教育部办公厅《关于加强高校毕业生就业信息服务工作的通知》(2013)：三严禁（严禁发布含有限定985高校、211高校等字样的招聘信息）');
    expect(laws.some((l) => l.startsWith('国办发〔2013〕35号：'))).toBe(true);
    expect(laws.join('')).not.toMatch(/《[^》]*《|《国办发/);

    // Head fields first: company, salary and location come before the description.
    const order = await page.locator('section.ad-text [data-field]').evaluateAll((els) => els.map((el) => el.getAttribute('data-field')));
    expect(order.slice(0, 3)).toEqual(['company.name', 'salary', 'location']);
    expect(order.indexOf('description')).toBeGreaterThan(2);
    await screenshot(page, 'pages-ad-desktop');
    await page.context().close();
  });
});

describe('keyboard', () => {
  it('`a` waits five seconds with 撤销: Esc takes it back and nothing is sent; left alone, it approves', async () => {
    const created = await server.submitAd({ title: unique('前台接待'), description: '限本地户口，负责来访接待。' });
    const page = await signIn(await newPage(browser));
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    await page.keyboard.press('a');
    await expect(page.locator('#approve-undo').isVisible()).resolves.toBe(true);
    expect(await page.locator('#approve-button').isDisabled()).toBe(true);
    await screenshot(page, 'pages-undo');
    await page.keyboard.press('Escape');
    await expect(page.locator('#approve-undo').isHidden()).resolves.toBe(true);
    // Longer than the window: had the undo failed, the approval would have been sent by now.
    await page.waitForTimeout(6_000);
    expect(posts).toEqual([]);
    expect((await adStatus(created.adId)).status).toBe('pending_review');

    // The 撤销 button does the same as Esc.
    await page.keyboard.press('a');
    await page.click('#undo-button');
    await expect(page.locator('#approve-button').isEnabled()).resolves.toBe(true);

    await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === 'approve'), page.keyboard.press('a')]);
    expect(posts).toHaveLength(1);
    expect((await adStatus(created.adId)).status).toBe('approved');
    await page.context().close();
  });

  it('number keys fill the reason box with a preset reason; Ctrl+Enter sends it', async () => {
    const created = await server.submitAd({ title: unique('理货员'), description: '限本地户口，负责理货。' });
    const page = await signIn(await newPage(browser));
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    const second = await page.locator('button[data-preset="2"]').getAttribute('value');
    await page.keyboard.press('2');
    expect(await page.inputValue('#reject-reason')).toBe(second);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reject-reason');
    // Still on the page: a number key never sends by itself.
    expect((await adStatus(created.adId)).status).toBe('pending_review');
    await page.keyboard.type('（押金）');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === 'reject'), page.keyboard.press('Control+Enter')]);
    expect(await adStatus(created.adId)).toMatchObject({ status: 'rejected', review: { reason: `${second}（押金）` } });
    await page.context().close();
  });

  it('Ctrl+Enter on an empty reason is refused by the browser like a click', async () => {
    const created = await server.submitAd({ title: unique('收银员'), description: '限本地户口，负责收银。' });
    const page = await signIn(await newPage(browser));
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    await page.keyboard.press('r');
    await page.keyboard.press('Control+Enter');
    expect(await page.evaluate(() => (document.getElementById('reject-reason') as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    expect((await adStatus(created.adId)).status).toBe('pending_review');
    // The reason box allows what the server allows.
    expect(await page.locator('#reject-reason').getAttribute('maxlength')).toBe('2000');
    await page.context().close();
  });
});

describe('history, statistics and the small gaps', () => {
  it('history shows what changed between versions', async () => {
    const created = await server.submitAd({ title: unique('司机'), description: '限本地户口，有C1驾照，月薪6000元。' });
    const revised = await fetch(`${server.baseUrl}/v1/ads/${created.adId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.employerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '司机', description: '有C1驾照，月薪6500元，五险一金。' }),
    });
    expect(revised.status).toBe(200);
    const page = await signIn(await newPage(browser));
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}/history`);
    const diff = page.locator('tr[data-event="revised"] .version-diff [data-field="description"]');
    await expect(diff.locator('del').allTextContents()).resolves.toEqual(['限本地户口，', '0']);
    await expect(diff.locator('ins').allTextContents()).resolves.toEqual(['5', '，五险一金']);
    await expect(page.locator('tr[data-event="revised"] .cats-gone [data-category="region"]').count()).resolves.toBe(1);
    await screenshot(page, 'pages-history-desktop');
    await page.context().close();
  });

  it('统计 shows the backlog, waiting times, decisions per moderator per day, override and appeal rates', async () => {
    const page = await signIn(await newPage(browser));
    await page.goto(`${server.baseUrl}/console/stats`);
    const backlog = Number(await page.locator('#stat-backlog b').textContent());
    const queue = await server.apiGet('/v1/reviews?limit=100', moderator);
    expect(backlog).toBe(queue.body.items.length);
    await expect(page.locator('#stat-wait-median b').textContent()).resolves.toMatch(/秒|分钟|小时|天/);
    await expect(page.locator('#stat-wait-p90 b').textContent()).resolves.toMatch(/秒|分钟|小时|天/);
    await expect(page.locator('#stat-override-rate b').textContent()).resolves.toMatch(/%$/);
    await expect(page.locator('#stat-appeal-rate b').textContent()).resolves.toMatch(/%$|—/);
    // This file's moderator decided at least two ads today (keyboard tests above).
    const row = page.locator('table.per-moderator tr', { hasText: '审核员丁' });
    expect(Number(await row.locator('td.total').textContent())).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'pages-stats-desktop');
    await page.context().close();
  });

  it('`/` leads to the console; an unknown console page says where to go instead', async () => {
    const res = await fetch(`${server.baseUrl}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/console');
    const page = await signIn(await newPage(browser));
    const response = await page.goto(`${server.baseUrl}/console/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('/console/no-such-page');
    await expect(page.locator('ul.ways-on a').count()).resolves.toBeGreaterThanOrEqual(3);
    // No shortcut help where no key does anything.
    await expect(page.locator('footer.keys').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('the queue shows its total, the company, and names the other categories behind +N', async () => {
    const title = unique('门店导购');
    await server.submitAd({ title, description: '身高160cm以上，35岁以下，限本地户口。', company: { name: '优选零售有限公司' } });
    const page = await signIn(await newPage(browser));
    const total = await page.locator('#list-total').textContent();
    const queue = await server.apiGet('/v1/reviews?limit=100', moderator);
    expect(total).toBe(`共 ${queue.body.items.length} 条`);
    const row = page.locator('tr', { has: page.locator(`a.queue-link:text-is("${title}")`) });
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('优选零售有限公司');
    const more = row.locator('.more');
    await expect(more.textContent()).resolves.toBe(' +2');
    expect(await more.getAttribute('title')).toMatch(/^另有：(年龄|外貌|地域\/户籍)、(年龄|外貌|地域\/户籍)$/);
    await screenshot(page, 'pages-queue-desktop');
    await page.context().close();
  });
});

describe('phones (390×844)', () => {
  it('every page fits the screen, the top bar stays on one line, and the decision controls are usable', async () => {
    const created = await server.submitAd({
      title: unique('仓库管理员（夜班，需长期稳定）'),
      description: `${'负责仓库收发货与盘点，按单拣货、复核、打包。'.repeat(12)}要求：限本地户口，身高165cm以上，能适应倒班。`,
      company: { name: '顺达物流（杭州）供应链管理有限公司' },
      salary: '月薪6000-8000元',
      location: '杭州市余杭区仓前街道',
    });
    const page = await phonePage();
    const pages: [string, string][] = [
      ['queue', '/console'],
      ['rejected', '/console/rejected'],
      ['ad', `/console/ads/${created.adId}`],
      ['history', `/console/ads/${created.adId}/history`],
      ['stats', '/console/stats'],
      ['proposals', '/console/proposals'],
      ['not-found', '/console/no-such-page'],
    ];
    for (const [name, path] of pages) {
      await page.goto(`${server.baseUrl}${path}`);
      await expectFitsPhone(page);
      await screenshot(page, `pages-${name}-phone`);
    }

    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    const reason = await page.locator('#reject-reason').boundingBox();
    expect(reason!.width).toBeGreaterThan(300);
    const panel = await page.locator('section.decide').boundingBox();
    const reject = await page.locator('form.reject button.reject').boundingBox();
    expect(reject!.x + reject!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
    expect(reject!.height).toBeGreaterThanOrEqual(36); // a thumb can hit it
    await page.locator('#reject-reason').fill('户籍限制');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === 'reject'), page.locator('form.reject button.reject').tap()]);
    expect(await adStatus(created.adId)).toMatchObject({ status: 'rejected', review: { reason: '户籍限制' } });

    const signInPage = await browser.newContext({ viewport: PHONE }).then((c) => c.newPage());
    await signInPage.goto(`${server.baseUrl}/console/sign-in`);
    expect(await signInPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(signInPage, 'pages-sign-in-phone');
    await Promise.all([signInPage.context().close(), page.context().close()]);
  });

  it('desktop shots of the pages not shot above', async () => {
    const page = await signIn(await newPage(browser));
    for (const [name, path] of [
      ['rejected', '/console/rejected'],
      ['proposals', '/console/proposals'],
      ['not-found', '/console/no-such-page'],
    ] as const) {
      await page.goto(`${server.baseUrl}${path}`);
      await screenshot(page, `pages-${name}-desktop`);
    }
    await page.context().close();
  });
});
