/**
 * The self-check page in Debian's Chromium, on desktop and on a 390-px phone: form → numbered highlights →
 * findings → the fixed ad with its diff → copy; without script; and an XSS attempt shown as text.
 * Screenshots land in tests/artifacts/ (self-check-desktop.png, self-check-phone.png) for a person to look at.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../console/browser.js';
import { startServiceServer, type ServiceServer } from '../http/service-server.js';

const AD = {
  title: '仓库管理员',
  description: '岗位要求：\n1、限男性，年龄35岁以下；\n2、身高170cm以上，形象气质佳；\n3、本地户口优先；\n4、有叉车证，能吃苦耐劳。\n薪资：6000-8000元/月，包吃住。',
};
const FIXED_TEXT = '仓库管理员\n岗位要求：\n1、男女不限；\n4、有叉车证，能吃苦耐劳。\n薪资：6000-8000元/月，包吃住。';

let service: ServiceServer;
let browser: Browser;
beforeAll(async () => {
  service = await startServiceServer({ limits: { selfChecksPerMinute: 0 } });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

async function open(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.goto(`${service.url}/check`);
  return page;
}

async function check(page: Page, ad: { title: string; description: string }) {
  await page.fill('#title', ad.title);
  await page.fill('#description', ad.description);
  await Promise.all([page.waitForURL(`${service.url}/check`), page.click('#check-button')]);
  await page.waitForSelector('#result');
}

describe.each([
  ['desktop', { viewport: { width: 1280, height: 900 } }],
  ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
] as const)('the self-check page on %s', (name, device) => {
  it('goes from the form to numbered highlights, findings, the fixed ad with its diff, and copies it', { timeout: 60_000 }, async () => {
    const page = await open({ ...device, permissions: ['clipboard-read', 'clipboard-write'] });
    await check(page, AD);

    const marks = page.locator('#result mark[data-finding]');
    expect(await marks.count()).toBeGreaterThanOrEqual(5);
    expect(await marks.first().getAttribute('data-finding')).toBe('1');
    // The number shows beside the highlight (CSS ::after reads data-finding).
    expect(await marks.first().evaluate((m) => getComputedStyle(m, '::after').content)).toBe('"1"');
    const first = page.locator('ol.findings li').first();
    await expect.poll(() => first.innerText()).toContain('限男性');
    expect(await first.innerText()).toMatch(/问题[\s\S]*依据[\s\S]*《中华人民共和国妇女权益保障法》[\s\S]*建议改写/);

    // The link beside the decision leads straight to the fixed ad (on a phone it comes after every finding).
    await page.click('a[href="#fixed"]');
    const fixed = page.locator('#fixed');
    await expect.poll(() => fixed.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(device.viewport.height / 2);
    expect(await fixed.locator('.decision').innerText()).toBe('可以发布');
    expect(await fixed.locator('del').allInnerTexts()).toContain('限男性');
    expect(await fixed.locator('ins').allInnerTexts()).toContain('男女不限');
    expect(await page.inputValue('#fixed-text')).toBe(FIXED_TEXT);

    const copy = page.locator('#copy-fixed');
    expect(await copy.isVisible()).toBe(true);
    await copy.click();
    await expect.poll(() => page.locator('#copy-status').innerText()).toBe('已复制到剪贴板。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FIXED_TEXT);

    // Chinese renders in a CJK font, and nothing is wider than the screen.
    expect(await page.evaluate(() => document.fonts.check('16px "WenQuanYi Micro Hei"', '招聘'))).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(device.viewport.width);
    await screenshot(page, `self-check-${name}`);
    await page.context().close();
  });
});

describe('the self-check page', () => {
  it('works without script: the check and the fixed text are there, the copy button stays hidden', { timeout: 60_000 }, async () => {
    const page = await open({ javaScriptEnabled: false });
    await check(page, AD);
    expect(await page.locator('#result mark[data-finding]').count()).toBeGreaterThanOrEqual(5);
    expect(await page.inputValue('#fixed-text')).toBe(FIXED_TEXT);
    expect(await page.locator('#copy-fixed').isVisible()).toBe(false);
    await page.context().close();
  });

  it('shows markup typed into the ad as text and runs none of it', { timeout: 60_000 }, async () => {
    const page = await open();
    const attack = '<img src=x onerror="window.__xss=1">限男性<script>window.__xss=2</script>';
    await check(page, { title: '<b>前台</b>', description: attack });
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(await page.locator('.field[data-field="description"] p.text').first().innerText()).toBe(attack);
    expect(await page.locator('.field[data-field="title"] p.text').first().innerText()).toBe('<b>前台</b>');
    expect(await page.inputValue('#fixed-text')).toBe('<b>前台</b>\n<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>');
    await screenshot(page, 'self-check-xss');
    await page.context().close();
  });
});
