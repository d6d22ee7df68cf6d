/**
 * Claims in the console, end to end (Debian's Chromium, a real server on DynamoDB Local, its own table so
 * the queue holds only this file's ads): opening an ad claims it, the queue shows who holds what, "开始审核"
 * and "下一条" pass over ads another moderator holds, and a decision gives the ad up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot, signIn as signInWith } from './browser.js';
import { startConsoleServer, type ConsoleTestServer } from './console-server.js';

let server: ConsoleTestServer;
let browser: Browser;
let keyA: string;
let keyB: string;

const signIn = async (key: string) => signInWith(await newPage(browser), server.baseUrl, key);

const rowOf = (page: Page, adId: string) => page.locator(`tr[data-ad="${adId}"]`);

beforeAll(async () => {
  [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
  keyA = await server.moderatorKey('审核员甲');
  keyB = await server.moderatorKey('审核员乙');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('claims', () => {
  it('an opened ad is shown as held to the others, skipped by 开始审核 and 下一条, and freed by the decision', async () => {
    const first = await server.submitAd({ title: '前台接待', description: '限本地户口，负责来访接待。' });
    const second = await server.submitAd({ title: '行政助理', description: '限本地户口，协助办公室日常事务。' });
    const third = await server.submitAd({ title: '仓库管理员', description: '限本地户口，负责仓库收发货。' });
    const [a, b] = await Promise.all([signIn(keyA), signIn(keyB)]);

    // 甲 starts with the oldest ad and holds it.
    await Promise.all([a.waitForURL(`**/console/ads/${first.adId}*`), a.click('#start-next')]);
    await expect(a.locator('.notice.warn').count()).resolves.toBe(0);

    // 乙 sees who holds it, and 开始审核 opens the next free ad instead of colliding.
    await b.reload();
    await expect(rowOf(b, first.adId).locator('.flag.claimed').textContent()).resolves.toBe('审核员甲 处理中');
    expect(await rowOf(b, first.adId).locator('.flag.claimed').getAttribute('title')).toMatch(/^保留至 /);
    await expect(rowOf(b, second.adId).locator('.flag.claimed').count()).resolves.toBe(0);
    await screenshot(b, 'console-queue-claims');
    await Promise.all([b.waitForURL(`**/console/ads/${second.adId}*`), b.click('#start-next')]);

    // Opening a held ad tells who holds it; deciding stays possible (the claim is advice, the version check guards).
    await b.goto(`${server.baseUrl}/console/ads/${first.adId}`);
    await expect(b.locator('.notice.warn').first().textContent()).resolves.toContain('审核员甲 正在处理这条广告');
    await expect(b.locator('#approve-button').count()).resolves.toBe(1);
    await screenshot(b, 'console-ad-claimed');

    // 甲's 下一条 passes over 乙's ad to the third.
    await a.goto(`${server.baseUrl}/console/ads/${first.adId}`);
    expect(new URL((await a.locator('a[rel="next"]').getAttribute('href'))!, server.baseUrl).pathname).toBe(`/console/ads/${third.adId}`);

    // Deciding releases the claim: the queue shows 甲 no longer holding the first ad (it has left), and the
    // page after the decision is the next free ad, not 乙's.
    await a.fill('#reject-reason', '户籍限制');
    await Promise.all([a.waitForURL(`**/console/ads/${third.adId}?*done=reject*`), a.click('form.reject button.reject')]);
    await b.goto(`${server.baseUrl}/console`);
    await expect(rowOf(b, first.adId).count()).resolves.toBe(0);
    await expect(rowOf(b, third.adId).locator('.flag.claimed').textContent()).resolves.toBe('审核员甲 处理中');
    await expect(rowOf(b, second.adId).locator('.flag.claimed').textContent()).resolves.toBe('您正在处理');
    await Promise.all([a.context().close(), b.context().close()]);
  });

  it('when every queued ad is held by someone else, 开始审核 says so', async () => {
    // After the test above, 甲 holds the third ad and 乙 the second: a third moderator finds nothing free.
    const c = await signIn(await server.moderatorKey('审核员丙'));
    await Promise.all([c.waitForURL(/\/console\/next/), c.click('#start-next')]);
    await expect(c.locator('.notice.warn').textContent()).resolves.toContain('都有其他审核员正在处理');
    await c.context().close();
  });
});
