/**
 * The moderator console end to end: Debian's Chromium (playwright-core) against a real server (createApp
 * with the console, DynamoDB Local), ads submitted through the real API and checked by the real engine.
 * Screenshots land in tests/artifacts/console-*.png for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './browser.js';
import { startConsoleServer, type ConsoleTestServer } from './console-server.js';

let server: ConsoleTestServer;
let browser: Browser;
let moderatorA: string;
let moderatorB: string;

/** A unique title per ad, so assertions never depend on what other tests left in the queue. */
const unique = (title: string) => `${title}-${Math.random().toString(36).slice(2, 7)}`;

async function signIn(key: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${server.baseUrl}/console`);
  // Not signed in: the console sends the browser to the sign-in form.
  expect(new URL(page.url()).pathname).toBe('/console/sign-in');
  await page.fill('#key', key);
  await Promise.all([page.waitForURL(`${server.baseUrl}/console`), page.click('button[type=submit]')]);
  return page;
}

const queueTitles = async (page: Page) => page.locator('table.queue a.queue-link').allTextContents();

async function adStatus(adId: string): Promise<{ status: string; review?: { decision: string; reason?: string; keyId: string } }> {
  const res = await server.apiGet(`/v1/ads/${adId}`, moderatorA);
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startConsoleServer(), launchBrowser()]);
  moderatorA = await server.moderatorKey('审核员甲');
  moderatorB = await server.moderatorKey('审核员乙');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sign-in', () => {
  it('exchanges a moderator key for an httpOnly SameSite=Strict session cookie; the key is never echoed', async () => {
    const page = await signIn(moderatorA);
    await expect(page.locator('h1').textContent()).resolves.toBe('审核队列');
    await expect(page.locator('header .who').textContent()).resolves.toContain('审核员甲');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'hc_console');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' });
    expect(session!.value).not.toContain(moderatorA);
    expect(page.url()).not.toContain(moderatorA);
    expect(await page.content()).not.toContain(moderatorA);
    // Page script cannot read the session cookie.
    expect(await page.evaluate(() => document.cookie)).not.toContain('hc_console');
    await page.context().close();
  });

  it('refuses an employer key and an unknown key', async () => {
    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/console/sign-in`);
    await screenshot(page, 'console-sign-in');
    await page.fill('#key', server.employerKey);
    await page.click('button[type=submit]');
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('需要审核员或管理员密钥');
    expect((await page.context().cookies()).some((c) => c.name === 'hc_console')).toBe(false);
    await page.fill('#key', 'hc_0123456789_not-a-real-key-not-a-real-key-not-a-real-key00');
    await page.click('button[type=submit]');
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('密钥无效');
    await page.goto(`${server.baseUrl}/console`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.context().close();
  });

  it('sign-out ends the session on the server, not just in the browser', async () => {
    const page = await signIn(moderatorA);
    const token = (await page.context().cookies()).find((c) => c.name === 'hc_console')!.value;
    await Promise.all([page.waitForURL(/\/console\/sign-in\?out=1$/), page.click('header form button')]);
    await expect(page.locator('.notice').textContent()).resolves.toContain('已退出');
    // Replaying the old cookie value gets nowhere.
    const res = await fetch(`${server.baseUrl}/console`, { headers: { cookie: `hc_console=${token}` }, redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('/console/sign-in');
    await page.context().close();
  });

  it('revoking the key ends the session at the next page load', async () => {
    const key = await server.moderatorKey('临时审核员');
    const page = await signIn(key);
    await server.store.keys.revoke(/^hc_([a-z0-9]{10})_/.exec(key)![1]!);
    await page.goto(`${server.baseUrl}/console/stats`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.context().close();
  });
});

describe('queue and ad page', () => {
  it('lists a flagged ad, opens it, marks the findings in place, and approving takes it out of the queue', async () => {
    const title = unique('仓库管理员');
    const created = await server.submitAd({
      title,
      description: '负责仓库收发货与盘点。要求：限本地户口，身高165cm以上，能适应倒班。',
      salary: '月薪6000-8000元',
      company: { name: '顺达物流有限公司' },
    });
    expect(created.status).toBe('pending_review');
    // Company for the screenshot: a queue of several ads with different categories.
    await server.submitAd({ title: unique('门店导购'), description: '身高160cm以上，形象好，35岁以下，有零售经验。' });
    await server.submitAd({ title: unique('客服专员'), description: '限本地户口，985、211院校毕业优先，月薪过万。' });

    const page = await signIn(moderatorA);
    expect(await queueTitles(page)).toContain(title);
    const row = page.locator('tr', { has: page.locator(`a.queue-link:text-is("${title}")`) });
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('顺达物流有限公司');
    expect(await row.locator('td').nth(1).getAttribute('title')).toBe('账号 acme-hr');
    // Filtering by a category the ad hit keeps it; by one it did not hit drops it.
    await page.click('nav.filters a[data-category="region"]');
    expect(await queueTitles(page)).toContain(title);
    await page.click('nav.filters a[data-category="fraud"]');
    expect(await queueTitles(page)).not.toContain(title);
    await page.click('nav.filters a:text-is("全部")');
    await screenshot(page, 'console-queue');

    await Promise.all([page.waitForURL(`**/console/ads/${created.adId}`), page.click(`a.queue-link:text-is("${title}")`)]);
    const region = page.locator('mark[data-category="region"]');
    await expect(region.count()).resolves.toBe(1);
    await expect(region.textContent()).resolves.toBe('限本地户口');
    expect(await region.getAttribute('data-rule')).toMatch(/\S/);
    const appearance = page.locator('mark[data-category="appearance"]');
    await expect(appearance.first().textContent()).resolves.toBe('身高165cm以上');
    // The marks sit inside the description's original text, in place.
    const description = page.locator('[data-field="description"] .text');
    await expect(description.textContent()).resolves.toBe('负责仓库收发货与盘点。要求：限本地户口，身高165cm以上，能适应倒班。');
    // Each finding is explained beside the text, with the law and a suggested rewrite.
    const explained = page.locator('ol.findings li[data-category="region"]');
    await expect(explained.textContent()).resolves.toMatch(/依据/);
    await expect(page.locator('.legend [data-category="region"]').textContent()).resolves.toBe('地域/户籍');
    await screenshot(page, 'console-ad');

    await page.click('#approve-button');
    await page.waitForURL((url) => !url.pathname.endsWith(created.adId));
    await expect(page.locator('.notice.ok').first().textContent()).resolves.toContain(`已通过：${title}`);
    await page.goto(`${server.baseUrl}/console`);
    expect(await queueTitles(page)).not.toContain(title);
    expect(await adStatus(created.adId)).toMatchObject({ status: 'approved', review: { decision: 'approve' } });
    await page.context().close();
  });

  it('after a decision the next ad in the queue opens; j/k move between ads, a approves', async () => {
    const first = await server.submitAd({ title: unique('前台接待'), description: '限本地户口，负责来访接待。' });
    const second = await server.submitAd({ title: unique('行政助理'), description: '限本地户口，协助办公室日常事务。' });
    const page = await signIn(moderatorA);
    await page.goto(`${server.baseUrl}/console/ads/${first.adId}`);
    await Promise.all([page.waitForURL(`**/console/ads/${second.adId}`), page.keyboard.press('j')]);
    await Promise.all([page.waitForURL(`**/console/ads/${first.adId}`), page.keyboard.press('k')]);
    // A held-down key (auto-repeat) does nothing: it must not approve ad after ad as each opens.
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', repeat: true, bubbles: true })));
    await expect(page.locator('form[data-sent]').count()).resolves.toBe(0);
    // `a` approves the open ad and the next one in the queue opens.
    await Promise.all([page.waitForURL(`**/console/ads/${second.adId}?done=approve*`), page.keyboard.press('a')]);
    expect((await adStatus(first.adId)).status).toBe('approved');
    // `r` puts the cursor in the reason box; typing there does not trigger shortcuts.
    await page.keyboard.press('r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reject-reason');
    await page.keyboard.type('岗位要求与户籍挂钩');
    expect(await page.inputValue('#reject-reason')).toBe('岗位要求与户籍挂钩');
    await page.click('form.reject .reject-row button.reject');
    await page.waitForURL((url) => !url.pathname.endsWith(second.adId));
    expect(await adStatus(second.adId)).toMatchObject({ status: 'rejected', review: { decision: 'reject', reason: '岗位要求与户籍挂钩' } });
    await page.context().close();
  });

  it('reject needs a reason: the form will not submit empty, the server refuses it too, a common reason is one click', async () => {
    const created = await server.submitAd({ title: unique('销售代表'), description: '限本地户口，有销售经验者优先。' });
    const page = await signIn(moderatorA);
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    const url = page.url();

    await page.click('form.reject .reject-row button.reject');
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => (document.getElementById('reject-reason') as HTMLTextAreaElement).validity.valueMissing)).toBe(true);
    expect((await adStatus(created.adId)).status).toBe('pending_review');

    // Without the browser's check the server still refuses.
    await page.evaluate(() => document.getElementById('reject-reason')!.removeAttribute('required'));
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form.reject .reject-row button.reject')]);
    expect(response.status()).toBe(422);
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('驳回需要填写理由');
    expect((await adStatus(created.adId)).status).toBe('pending_review');

    const preset = page.locator('.reasons button').first();
    const reason = await preset.getAttribute('value');
    await preset.click();
    await page.waitForURL((u) => !u.pathname.endsWith(created.adId));
    expect(await adStatus(created.adId)).toMatchObject({ status: 'rejected', review: { reason } });
    await page.context().close();
  });

  it('when another moderator decided first, says who and what, and overwrites nothing', async () => {
    const title = unique('保洁员');
    const created = await server.submitAd({ title, description: '限本地户口，身体健康。' });
    const [a, b] = await Promise.all([signIn(moderatorA), signIn(moderatorB)]);
    await Promise.all([a.goto(`${server.baseUrl}/console/ads/${created.adId}`), b.goto(`${server.baseUrl}/console/ads/${created.adId}`)]);

    await a.click('#approve-button');
    await a.waitForURL((u) => !u.pathname.endsWith(created.adId));

    await b.fill('#reject-reason', '户籍限制');
    const [response] = await Promise.all([b.waitForResponse((r) => r.request().method() === 'POST'), b.click('form.reject .reject-row button.reject')]);
    expect(response.status()).toBe(409);
    const notice = await b.locator('.notice.error').textContent();
    expect(notice).toContain('该广告已由其他审核员处理：已通过');
    expect(notice).toContain('审核员甲');
    expect(notice).toContain('您的操作没有保存');
    await expect(b.locator('.ad-head .chip').first().textContent()).resolves.toBe('已通过');
    // No decision buttons on a decided ad.
    await expect(b.locator('#approve-button').count()).resolves.toBe(0);
    await expect(b.locator('.notice.error a').getAttribute('href')).resolves.toBe('/console');
    await screenshot(b, 'console-conflict');

    const status = await adStatus(created.adId);
    expect(status).toMatchObject({ status: 'approved', review: { decision: 'approve' } });
    expect(status.review!.reason).toBeUndefined();
    await Promise.all([a.context().close(), b.context().close()]);
  });

  it('when the employer revised the ad meanwhile, asks for a review of the new version', async () => {
    const created = await server.submitAd({ title: unique('理货员'), description: '限本地户口，负责理货。' });
    const page = await signIn(moderatorA);
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    const revised = await fetch(`${server.baseUrl}/v1/ads/${created.adId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${server.employerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '理货员', description: '限本地户口，负责理货与盘点。' }),
    });
    expect(revised.status).toBe(200);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('#approve-button')]);
    expect(response.status()).toBe(409);
    await expect(page.locator('.notice.warn').textContent()).resolves.toContain('该广告已有新版本（第 2 版');
    // The page now shows version 2, with the forms to decide on it.
    await expect(page.locator('[data-field="description"] .text').textContent()).resolves.toBe('限本地户口，负责理货与盘点。');
    await expect(page.locator('#approve-button').count()).resolves.toBe(1);
    expect((await adStatus(created.adId)).status).toBe('pending_review');
    await page.context().close();
  });

  it('renders an ad whose text holds markup as text: no script runs, the text is visible', async () => {
    const title = unique('<script>window.__xss=1</script>文员');
    const payload = '<img src=x onerror="window.__xss=2"><script>window.__xss=3</script>';
    const created = await server.submitAd({ title, description: `${payload}限本地户口。"'><b>加粗</b>` });
    const page = await signIn(moderatorA);
    const scriptErrors: string[] = [];
    page.on('pageerror', (e) => scriptErrors.push(e.message));

    expect(await queueTitles(page)).toContain(title);
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await expect(page.locator('[data-field="description"] .text').textContent()).resolves.toBe(`${payload}限本地户口。"'><b>加粗</b>`);
    await expect(page.locator('main img, main b, main script').count()).resolves.toBe(0);
    // The mark still lands on the right characters after the markup-looking text.
    await expect(page.locator('mark[data-category="region"]').textContent()).resolves.toBe('限本地户口');
    await screenshot(page, 'console-xss');
    expect(scriptErrors).toEqual([]);
    await page.context().close();
  });

  it('sets a strict Content-Security-Policy and serves its CSS and JS from the app', async () => {
    const page = await signIn(moderatorA);
    const res = await page.request.get(`${server.baseUrl}/console`);
    const csp = res.headers()['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers()['x-frame-options']).toBe('DENY');
    // Cookies are Secure behind https (API Gateway, a TLS proxy), plain on local http.
    const behindTls = await fetch(`${server.baseUrl}/console/sign-in`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('set-cookie')).toMatch(/; Secure/);
    const local = await fetch(`${server.baseUrl}/console/sign-in`);
    expect(local.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(local.headers.get('set-cookie')).not.toMatch(/Secure/);
    // The stylesheet applied (a CSP violation would leave the page unstyled).
    const bar = await page.locator('header.top').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bar).toBe('rgb(36, 41, 47)');
    await page.context().close();
  });

  it('refuses a state-changing form without the CSRF token', async () => {
    const created = await server.submitAd({ title: unique('收银员'), description: '限本地户口。' });
    expect(created.status).toBe('pending_review');
    const page = await signIn(moderatorA);
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    await page.evaluate(() => document.querySelectorAll('input[name="_csrf"]').forEach((e) => e.remove()));
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('#approve-button')]);
    expect(response.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toContain('CSRF');
    // A forged token is refused the same way, with the session cookie present.
    const forged = await page.request.post(`${server.baseUrl}/console/ads/${created.adId}/review`, {
      form: { _csrf: 'forged-token', decision: 'approve', version: '1' },
    });
    expect(forged.status()).toBe(403);
    expect((await adStatus(created.adId)).status).toBe('pending_review');
    await page.context().close();
  });
});

describe('history and statistics', () => {
  it('shows the history of an ad: versions, verdicts, decisions, who and when', async () => {
    const created = await server.submitAd({ title: unique('司机'), description: '限本地户口，有C1驾照。' });
    const page = await signIn(moderatorB);
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}`);
    await page.locator('.reasons button').nth(1).click();
    await page.waitForURL((u) => !u.pathname.endsWith(created.adId));
    await page.goto(`${server.baseUrl}/console/ads/${created.adId}/history`);
    const rows = page.locator('table.history tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).textContent()).resolves.toMatch(/提交.*招聘方.*测试招聘方/);
    await expect(rows.nth(1).textContent()).resolves.toMatch(/人工审核.*审核员乙.*已驳回.*理由：涉及向求职者收费/);
    await screenshot(page, 'console-history');
    await page.context().close();
  });

  it('the 统计 page counts categories and decisions of the last 30 days as a chart', async () => {
    const page = await signIn(moderatorA);
    await page.click('header nav a:text-is("统计")');
    await expect(page.locator('h1').textContent()).resolves.toBe('统计');
    const bar = (section: string, label: string) =>
      page.locator(`${section} svg g[data-label="${label}"]`).getAttribute('data-value').then(Number);
    // Nine ads of this file hit 户籍; some were approved and some rejected by moderators above.
    expect(await bar('#stats-categories', '地域/户籍')).toBeGreaterThanOrEqual(9);
    expect(await bar('#stats-categories', '外貌')).toBeGreaterThanOrEqual(1);
    expect(await bar('#stats-categories', '欺诈')).toBe(0);
    expect(await bar('#stats-decisions', '人工 · 通过')).toBeGreaterThanOrEqual(3);
    expect(await bar('#stats-decisions', '人工 · 驳回')).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'console-stats');
    await page.context().close();
  });
});
