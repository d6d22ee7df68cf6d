/**
 * Appeals, overrides and feedback in the moderator console, end to end: Debian's Chromium against a real
 * server (createApp with the console, DynamoDB Local), ads submitted and appealed through the real API.
 * Screenshots (desktop and a 390-px phone) land in tests/artifacts/console-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn as signInWith } from './browser.js';
import { startConsoleServer, type ConsoleTestServer } from './console-server.js';

let server: ConsoleTestServer;
let browser: Browser;
let moderator: string;

const unique = (title: string) => `${title}-${Math.random().toString(36).slice(2, 7)}`;

const signIn = async () => signInWith(await newPage(browser), server.baseUrl, moderator);

/** The same page at a phone's width, for a person to look at. */
async function phoneShot(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, name);
  await page.setViewportSize(desktop);
}

const api = (method: string, path: string, key: string, body?: unknown) =>
  fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: await res.json() }));

const history = async (adId: string) => (await api('GET', `/v1/ads/${adId}/history`, moderator)).body.events as { type: string; [k: string]: unknown }[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
  moderator = await server.moderatorKey('审核员丙');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('appeals and overrides', () => {
  it('marks an appealed ad in the queue and shows the employer’s reason beside the findings', async () => {
    const title = unique('仓库管理员');
    const created = await server.submitAd({ title, description: '负责仓库收发货，限男性，能适应夜班。' });
    expect(created.status).toBe('rejected');
    const appealed = await api('POST', `/v1/ads/${created.adId}/appeal`, server.employerKey, { reason: '仓库夜班需搬运重物，已改为“能搬运25公斤货物”。' });
    expect(appealed.status).toBe(202);

    const page = await signIn();
    const row = page.locator('tr', { has: page.locator(`a.queue-link:text-is("${title}")`) });
    await expect(row.locator('.flag.appeal').textContent()).resolves.toBe('申诉');
    expect(await row.locator('.flag.appeal').getAttribute('title')).toContain('搬运重物');
    await screenshot(page, 'console-queue-appeal');

    await Promise.all([page.waitForURL(`**/console/ads/${created.adId}`), page.click(`a.queue-link:text-is("${title}")`)]);
    // The reason sits in the findings panel, above the findings it contests.
    const panel = page.locator('section[aria-label="命中项"]');
    await expect(panel.locator('.appeal-box').textContent()).resolves.toContain('仓库夜班需搬运重物');
    await expect(panel.locator('.appeal-box + h2 + ol.findings li[data-category="gender"]').count()).resolves.toBe(1);
    // Approving an appealed engine reject overturns the engine: the reason box is there and required.
    expect(await page.locator('#override-reason').getAttribute('required')).not.toBeNull();
    await screenshot(page, 'console-ad-appeal');
    await phoneShot(page, 'console-ad-appeal-phone');
    await page.context().close();
  });

  it('lists engine rejects in their own tab; overturning one needs a reason and keeps the engine verdict', async () => {
    const title = unique('女装店店员');
    const created = await server.submitAd({ title, description: '本店为女装店，招聘店员，限女性。熟悉女装搭配。' });
    expect(created.status).toBe('rejected');
    const page = await signIn();
    await page.click('header nav a:text-is("引擎驳回")');
    await expect(page.locator('h1').textContent()).resolves.toBe('引擎驳回');
    expect(await page.locator('a.queue-link').allTextContents()).toContain(title);
    await screenshot(page, 'console-rejected');
    await phoneShot(page, 'console-rejected-phone');

    await Promise.all([page.waitForURL(`**/console/ads/${created.adId}`), page.click(`a.queue-link:text-is("${title}")`)]);
    // The browser will not send an override without a reason; without that check the server refuses it too.
    await page.click('#approve-button');
    expect(await page.evaluate(() => (document.getElementById('override-reason') as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    await page.evaluate(() => document.getElementById('override-reason')!.removeAttribute('required'));
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('#approve-button')]);
    expect(refused.status()).toBe(422);
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('推翻引擎驳回需要填写理由');
    expect((await api('GET', `/v1/ads/${created.adId}`, moderator)).body.status).toBe('rejected');

    await page.fill('#override-reason', '女装店招女店员属于试衣服务的合理需要，待招聘方补充说明');
    await Promise.all([page.waitForURL(/\/console\/rejected\?done=approve/), page.click('#approve-button')]);
    await expect(page.locator('.notice.ok').textContent()).resolves.toContain(`已通过：${title}`);
    expect(await page.locator('a.queue-link').allTextContents()).not.toContain(title);
    const ad = (await api('GET', `/v1/ads/${created.adId}`, moderator)).body;
    expect(ad).toMatchObject({ status: 'approved', verdict: { decision: 'reject' }, review: { decision: 'approve', overrodeEngine: true } });
    // The history shows the engine's verdict and the override.
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}/history`);
    await expect(page.locator('table.history tbody tr').nth(1).textContent()).resolves.toMatch(/人工审核.*已通过（推翻引擎驳回）.*理由：女装店/);
    await screenshot(page, 'console-history-override');
    await page.context().close();
  });
});

describe('feedback', () => {
  it('误报 records a false alarm on that finding, once', async () => {
    const created = await server.submitAd({ title: unique('门店导购'), description: '身高160cm以上，形象好，有零售经验。' });
    const page = await signIn();
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    const finding = page.locator('ol.findings li[data-category="appearance"]').first();
    const rule = await finding.getAttribute('data-rule');
    await Promise.all([page.waitForURL(/fb=false_alarm/), finding.locator('form.false-alarm button').click()]);
    await expect(page.locator('.notice.ok').textContent()).resolves.toContain('已记录误报');
    await expect(page.locator('ol.findings li[data-category="appearance"]').first().locator('.false-alarm-marked').count()).resolves.toBe(1);
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}/history`);
    await expect(page.locator('table.history tr[data-event="feedback"]').textContent()).resolves.toContain('误报');
    await screenshot(page, 'console-history-feedback');
    const events = await history(created.adId);
    expect(events.filter((e) => e.type === 'feedback')).toEqual([expect.objectContaining({ feedback: expect.objectContaining({ kind: 'false_alarm', ruleId: rule }) })]);
    await page.context().close();
  });

  it('marks a missed passage from a text selection and a category', async () => {
    const description = '负责店铺日常运营。需能接受无休，工资押一个月。';
    const created = await server.submitAd({ title: unique('店员'), description });
    const page = await signIn();
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    // Select 需能接受无休 in the description as a person would, then release the mouse.
    const start = description.indexOf('需能接受无休');
    await page.evaluate(
      ([from, to]) => {
        const text = document.querySelector('[data-field="description"] p.text')!;
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (from >= seen && from <= seen + length) range.setStart(node, from - seen);
          if (to >= seen && to <= seen + length) {
            range.setEnd(node, to - seen);
            break;
          }
          seen += length;
        }
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        text.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      },
      [start, start + 6] as const,
    );
    await expect(page.inputValue('#mark-miss input[name="passage"]')).resolves.toBe('需能接受无休');
    await page.selectOption('#mark-miss select[name="category"]', 'labor_rights');
    await screenshot(page, 'console-mark-miss');
    await Promise.all([page.waitForURL(/fb=missed/), page.click('#mark-miss button[type=submit]')]);
    await expect(page.locator('.marked-misses li').textContent()).resolves.toContain('需能接受无休');
    const events = await history(created.adId);
    expect(events.at(-1)).toMatchObject({
      type: 'feedback',
      feedback: { kind: 'missed', category: 'labor_rights', field: 'description', start, end: start + 6, text: '需能接受无休' },
    });

    // Without script's offsets, a typed passage is found in the field; one that is not there is refused.
    await page.fill('#mark-miss input[name="passage"]', '工资押一个月');
    await page.selectOption('#mark-miss select[name="category"]', 'fee_charging');
    // The page reloads at the same URL (?fb=missed): wait for the post's redirect, not for the URL.
    const [posted] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('#mark-miss button[type=submit]')]);
    expect(posted.status()).toBe(303);
    await page.waitForLoadState();
    expect((await history(created.adId)).at(-1)).toMatchObject({ feedback: { text: '工资押一个月', start: description.indexOf('工资押一个月') } });
    await page.fill('#mark-miss input[name="passage"]', '不在原文里');
    await page.selectOption('#mark-miss select[name="category"]', 'fraud');
    const [missing] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('#mark-miss button[type=submit]')]);
    expect(missing.status()).toBe(422);
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('找不到这段文字');
    await page.context().close();
  });

  it('the 改进建议 page ranks what the feedback proposes', async () => {
    // Two more false alarms of one rule on one text, so it ranks first.
    for (let i = 0; i < 2; i++) {
      const ad = await server.submitAd({ title: unique('模特'), description: '身高160cm以上，平面拍摄。' });
      const f = ad.verdict.findings.find((x) => x.category === 'appearance')!;
      const res = await api('POST', `/v1/ads/${ad.adId}/feedback`, moderator, { version: 1, kind: 'false_alarm', ruleId: f.ruleId, field: f.field, start: f.start, end: f.end });
      expect(res.status).toBe(201);
    }
    const page = await signIn();
    await page.click('header nav a:text-is("改进建议")');
    await expect(page.locator('h1').textContent()).resolves.toBe('改进建议');
    const rows = page.locator('table.proposals tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await expect(rows.first().getAttribute('data-kind')).resolves.toBe('exception');
    await expect(rows.first().locator('td.quote').textContent()).resolves.toBe('「身高160cm以上」');
    await expect(rows.first().locator('td.count').textContent()).resolves.toBe('3');
    await expect(page.locator('table.proposals tr[data-kind="term"] td.quote').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['「需能接受无休」', '「工资押一个月」']),
    );
    // Each proposal links to the ads it came from.
    await Promise.all([page.waitForURL(/\/console\/ads\/ad_/), rows.first().locator('td a').first().click()]);
    await page.goBack();
    await screenshot(page, 'console-proposals');
    await phoneShot(page, 'console-proposals-phone');
    await page.context().close();
  });
});
