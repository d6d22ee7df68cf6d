/**
 * The self-check page over real HTTP on the whole service (DynamoDB Local behind it): no key, problem+json for
 * bad input unless a browser asks for the page, size and per-address limits, the console's headers, and nothing
 * written to the table.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../functions/console/security.js';
import { SELF_CHECK_LIMITS } from '../../functions/selfcheck/form.js';
import { startServiceServer, type ServiceServer } from '../http/service-server.js';

let service: ServiceServer;
beforeAll(async () => {
  service = await startServiceServer({ limits: { selfChecksPerMinute: 3 }, peerHeader: true });
});
afterAll(async () => {
  await service?.close();
});

let peers = 0;
/** A form post from its own client address (each test gets a fresh bucket unless it passes one). */
const post = (fields: Record<string, string> | string, { accept = 'application/json', peer = `10.0.0.${++peers}` } = {}) =>
  fetch(`${service.url}/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept, 'x-test-peer': peer },
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
  });

const itemCount = async () =>
  (await service.store.table.client.send(new ScanCommand({ TableName: service.store.table.name, Select: 'COUNT' }))).Count;

describe('GET and POST /check', () => {
  it('serves the form without a key, with the console security headers', async () => {
    const res = await fetch(`${service.url}/check`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toContain('<form class="check panel" method="post" action="/check">');
    expect(html).toContain('《就业促进法》第二十七条');
  });

  it('checks an ad and answers the page with highlights, findings and the fixed ad, storing nothing', async () => {
    const before = await itemCount();
    const res = await post({ title: '仓库管理员', description: '负责仓库管理，限男性，年龄35岁以下，能吃苦耐劳。' }, { accept: 'text/html' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-finding="1"');
    expect(html).toContain('<del data-finding="1">限男性</del><ins data-finding="1">男女不限</ins>');
    expect(html).toMatch(/<textarea id="fixed-text" readonly="" rows="3">仓库管理员\n负责仓库管理，男女不限，能吃苦耐劳。<\/textarea>/);
    expect(html).toContain('<span class="decision approve">可以发布</span>');
    expect(html).toContain('<a href="#fixed">查看修改后的广告</a>');
    expect(await itemCount()).toBe(before);
  });

  it('says in #fixed why there is no fixed ad: fraud or fees, or problems only the employer can reword', async () => {
    const fee = await (await post({ title: '保安', description: '限男性，入职交押金300元' }, { accept: 'text/html' })).text();
    expect(fee).toMatch(/<section id="fixed"[^>]*>[\s\S]*无法通过修改措辞修正/);
    // A pay lure is deleted only where the ad states its pay: here it does not, so nothing can be fixed.
    const lure = await (await post({ title: '销售', description: '月入过万很轻松，欢迎加入' }, { accept: 'text/html' })).text();
    expect(lure).toMatch(/<section id="fixed"[^>]*>[\s\S]*没有可以自动修改的内容/);
    expect(lure).not.toContain('查看修改后的广告');
  });

  it('answers bad input with problem+json (RFC 9457), or with the page and a notice when a browser asks', async () => {
    const empty = await post({ title: '会计', description: ' \u200b ' });
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toBe('application/problem+json');
    expect(await empty.json()).toMatchObject({
      type: 'urn:hirecheck:problem:invalid-request',
      status: 400,
      instance: '/check',
      errors: [{ location: 'body', field: 'description', message: 'must not be empty' }],
    });
    const long = await post({ description: '招'.repeat(SELF_CHECK_LIMITS.description + 1) });
    expect(long.status).toBe(400);
    expect((await long.json()).errors[0]).toMatchObject({ field: 'description', message: `at most ${SELF_CHECK_LIMITS.description} characters` });
    const page = await post({ title: '会计', description: '' }, { accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('请填写职位描述。');
    expect(html).toContain('value="会计"');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await post({ description: 'x'.repeat(SELF_CHECK_LIMITS.bodyBytes + 1) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ type: 'urn:hirecheck:problem:payload-too-large', limitBytes: SELF_CHECK_LIMITS.bodyBytes });
  });

  it('limits checks per client address: 429 with Retry-After, while another address still checks', async () => {
    const ad = { description: '限男性' };
    for (let i = 0; i < 3; i++) expect((await post(ad, { peer: '10.9.9.9' })).status).toBe(200);
    const limited = await post(ad, { peer: '10.9.9.9' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ type: 'urn:hirecheck:problem:too-many-checks', status: 429 });
    const asPage = await post(ad, { peer: '10.9.9.9', accept: 'text/html' });
    expect(asPage.status).toBe(429);
    expect(await asPage.text()).toContain('检查过于频繁');
    expect((await post(ad, { peer: '10.9.9.10' })).status).toBe(200);
  });

  it('reads multipart forms too, and answers a broken one with 400, never a 5xx', async () => {
    const form = new FormData();
    form.set('description', '乙肝携带者勿扰，能吃苦');
    const ok = await fetch(`${service.url}/check`, { method: 'POST', body: form, headers: { 'x-test-peer': '10.8.0.1' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('data-category="health"');
    const broken = await fetch(`${service.url}/check`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-test-peer': '10.8.0.2' },
      body: '--x\r\nContent-Disposition: form-data; name="description"\r\n\r\nabc',
    });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toBe('application/problem+json');
  });
});
