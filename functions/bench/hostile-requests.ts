/**
 * Hostile requests for every route of the service, as fast-check arbitraries: the property-based fuzz test
 * (tests/http/fuzz.test.ts) asserts over them, and the soak (`npm run bench:soak`, tests/server/soak.test.ts)
 * replays a seeded sample of them. Each route's request schema (path parameters, query, headers, body) is
 * mutated: values of the right shape and of every wrong one, broken encodings, invisible-only text, bodies
 * over the limit, broken multipart, keys of the wrong role and keys that do not exist.
 */
import fc from 'fast-check';
import { wellFormed } from '../http/text.js';

export type BodyKind = 'ad' | 'check' | 'review' | 'appeal' | 'feedback' | 'prescreen' | 'form' | 'self-check' | 'none';

export interface RouteTemplate {
  method: 'GET' | 'POST' | 'PUT';
  /** With `{id}` where a path parameter goes (Hono's `:id`, API Gateway's `{id}`). */
  path: string;
  body: BodyKind;
  query?: readonly string[];
  /** The roles this route is for (the key sent is sometimes right, sometimes not). */
  roles?: readonly Role[];
}

type Role = 'employer' | 'moderator' | 'organizer' | 'admin';

/** Every route the service serves (tests/http/fuzz.test.ts fails when a served route is missing here). */
export const ROUTES: readonly RouteTemplate[] = [
  { method: 'GET', path: '/', body: 'none' },
  { method: 'GET', path: '/health', body: 'none' },
  { method: 'GET', path: '/health/ready', body: 'none' },
  { method: 'GET', path: '/openapi.json', body: 'none' },
  { method: 'GET', path: '/docs', body: 'none' },
  { method: 'POST', path: '/v1/check', body: 'check', query: ['fix'], roles: ['employer', 'organizer'] },
  { method: 'GET', path: '/v1/lexicon', body: 'none', roles: ['organizer'] },
  { method: 'POST', path: '/v1/ads', body: 'ad', roles: ['employer'] },
  { method: 'GET', path: '/v1/ads', body: 'none', query: ['status', 'cursor', 'limit'], roles: ['employer'] },
  { method: 'GET', path: '/v1/ads/{id}', body: 'none', roles: ['employer', 'moderator'] },
  { method: 'PUT', path: '/v1/ads/{id}', body: 'ad', roles: ['employer'] },
  { method: 'GET', path: '/v1/ads/{id}/history', body: 'none', roles: ['employer', 'moderator'] },
  { method: 'POST', path: '/v1/ads/{id}/review', body: 'review', roles: ['moderator'] },
  { method: 'GET', path: '/v1/reviews', body: 'none', query: ['status', 'category', 'cursor', 'limit'], roles: ['moderator'] },
  { method: 'POST', path: '/v1/ads/{id}/appeal', body: 'appeal', roles: ['employer'] },
  { method: 'POST', path: '/v1/ads/{id}/feedback', body: 'feedback', roles: ['moderator'] },
  { method: 'GET', path: '/v1/feedback/proposals', body: 'none', roles: ['moderator'] },
  { method: 'GET', path: '/v1/feedback/export', body: 'none', query: ['cursor', 'limit'], roles: ['moderator', 'admin'] },
  { method: 'POST', path: '/v1/prescreens', body: 'prescreen', query: ['name', 'map', 'encoding', 'fairName', 'contact', 'deadline'], roles: ['organizer'] },
  { method: 'GET', path: '/v1/prescreens', body: 'none', query: ['cursor', 'limit'], roles: ['organizer'] },
  { method: 'GET', path: '/v1/prescreens/{id}', body: 'none', query: ['format', 'cursor', 'limit'], roles: ['organizer'] },
  { method: 'GET', path: '/console', body: 'none', query: ['category', 'cursor', 'done', 'from'] },
  { method: 'GET', path: '/console/sign-in', body: 'none', query: ['out', 'expired'] },
  { method: 'POST', path: '/console/sign-in', body: 'form' },
  { method: 'POST', path: '/console/sign-out', body: 'form' },
  { method: 'GET', path: '/console/ads/{id}', body: 'none', query: ['category', 'done', 'from', 'fb'] },
  { method: 'POST', path: '/console/ads/{id}/review', body: 'form' },
  { method: 'GET', path: '/console/ads/{id}/history', body: 'none' },
  { method: 'GET', path: '/console/stats', body: 'none' },
  { method: 'GET', path: '/console/rejected', body: 'none', query: ['category', 'cursor', 'done', 'from'] },
  { method: 'GET', path: '/console/next', body: 'none', query: ['category'] },
  { method: 'GET', path: '/console/proposals', body: 'none' },
  { method: 'POST', path: '/console/ads/{id}/feedback', body: 'form' },
  { method: 'GET', path: '/console/static/{id}', body: 'none' },
  { method: 'GET', path: '/check', body: 'none' },
  { method: 'POST', path: '/check', body: 'self-check' },
  { method: 'GET', path: '/check/static/{id}', body: 'none' },
];

/** What the requests may use: real keys and ids, so that some requests get past authentication and lookups. */
export interface HostileContext {
  keys: Record<Role, string>;
  adIds: readonly string[];
  prescreenIds: readonly string[];
  /** A signed-in console session, so console forms are fuzzed past the session and CSRF checks too. */
  console?: { cookie: string; csrf: string };
  /** The API's body limit: some bodies go over it. */
  bodyLimitBytes: number;
}

export interface HostileRequest {
  method: string;
  /** Path and query, already percent-encoded (only ASCII goes on the wire). */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  route: RouteTemplate;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Percent-encodes any text (a lone surrogate cannot be: it goes as U+FFFD; broken escapes are sent as constants). */
const encoded = (s: string) => encodeURIComponent(wellFormed(s));
const INVISIBLE = [' ', '\t', '\u0000', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u2066', '\u3000', '\u00a0', '\u180e', '\u0007'];

/** Text that tends to break things: invisible-only, control characters, lone surrogates, markup, long runs. */
const nastyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...INVISIBLE), { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
  fc.constantFrom('限男性，需交押金200元', '<script>alert(1)</script>', '\ud800', '\udc00x', '%00', '../../etc/passwd', '{{cost}}', '__proto__', 'null'),
  fc.integer({ min: 150, max: 21_000 }).map((n) => '招'.repeat(n)),
);

/** Any JSON value, and ones with the right keys but wrong values. */
const jsonJunk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(null), fc.array(fc.integer(), { maxLength: 5 }));

const adShaped = fc.record(
  {
    title: fc.oneof(nastyText, jsonJunk),
    description: fc.oneof(nastyText, jsonJunk),
    salary: fc.oneof(nastyText, jsonJunk),
    location: nastyText,
    contact: nastyText,
    requirements: nastyText,
    benefits: nastyText,
    company: fc.oneof(fc.record({ name: nastyText, creditCode: nastyText }, { requiredKeys: [] }), jsonJunk),
    nickname: nastyText,
  },
  { requiredKeys: [] },
);

const reviewShaped = fc.record(
  {
    decision: fc.oneof(fc.constantFrom('approve', 'reject', 'APPROVE', ''), jsonJunk),
    reason: fc.oneof(nastyText, jsonJunk),
    expectedVersion: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), nastyText, jsonJunk),
    extra: nastyText,
  },
  { requiredKeys: [] },
);

const appealShaped = fc.record({ reason: fc.oneof(nastyText, jsonJunk), extra: nastyText }, { requiredKeys: [] });

/** Feedback of both kinds, naming real rules and fields or not, with spans in and out of range. */
const feedbackShaped = fc.record(
  {
    version: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.double(), nastyText),
    kind: fc.oneof(fc.constantFrom('false_alarm', 'missed', 'FALSE_ALARM', ''), jsonJunk),
    ruleId: fc.oneof(fc.constantFrom('gender-restriction', 'age-upper-limit'), nastyText, jsonJunk),
    category: fc.oneof(fc.constantFrom('gender', 'age', 'fraud', 'nope'), jsonJunk),
    field: fc.oneof(fc.constantFrom('description', 'title', 'company.name', 'salary', '__proto__'), nastyText),
    start: fc.oneof(fc.integer({ min: -2, max: 40 }), fc.double(), jsonJunk),
    end: fc.oneof(fc.integer({ min: -1, max: 25_000 }), jsonJunk),
    note: fc.oneof(nastyText, jsonJunk),
  },
  { requiredKeys: [] },
);

/** JSON text: a value, or text that is almost JSON (cut off, trailing commas, wrong encodings). */
function jsonText(value: fc.Arbitrary<unknown>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    value.map((v) => utf8(JSON.stringify(v) ?? 'null')),
    fc.tuple(value, fc.nat()).map(([v, cut]) => {
      const text = JSON.stringify(v) ?? '';
      return utf8(text.slice(0, cut % (text.length + 1)));
    }),
    fc
      .constantFrom('{"title":', '{"title": "x", }', '[1,2', '', '\ufeff{}', '{"a":1}{"b":2}', '{"__proto__":{"admin":true},"title":"a","description":"b"}')
      .map(utf8),
    fc.uint8Array({ maxLength: 200 }),
  );
}

const BOUNDARY = 'hirecheckfuzz';
/** Multipart bodies: well-formed, without the file part, truncated, or junk between boundaries. */
const multipart = fc.oneof(
  fc.tuple(fc.constantFrom('file', 'upload', ''), nastyText).map(([name, text]) =>
    utf8(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n单位名称,岗位名称,岗位描述\r\n甲公司,职员,${text}\r\n--${BOUNDARY}--\r\n`),
  ),
  fc.nat({ max: 80 }).map((cut) => utf8(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc`.slice(0, cut))),
  fc.uint8Array({ maxLength: 120 }),
);

/** Spreadsheet-ish bodies for the prescreen upload. */
const spreadsheet = fc.oneof(
  fc.constantFrom('[1,2,3]', '[null]', '[]', '{"rows": 5}', 'x\ny\n', '单位名称,岗位名称,岗位描述\n', 'PK\u0003\u0004garbage').map(utf8),
  fc.array(nastyText, { maxLength: 4 }).map((lines) => utf8(lines.join('\n'))),
  fc.array(adShaped, { maxLength: 3 }).map((rows) => utf8(JSON.stringify(rows))),
  fc.uint8Array({ maxLength: 300 }),
);

/** The self-check page's form: a title and a description, with junk values. */
const selfCheckFields = fc.record({ title: nastyText, description: nastyText, extra: nastyText }, { requiredKeys: [] });

/** The console's forms: the fields its pages post, with junk values. */
const formFields = fc.record(
  {
    key: nastyText,
    decision: fc.constantFrom('approve', 'reject', 'x', ''),
    version: fc.oneof(fc.constantFrom('1', '0', '-1', '1e3', ''), nastyText),
    reason: nastyText,
    preset: nastyText,
    category: fc.oneof(fc.constantFrom('gender', 'age'), nastyText),
    status: fc.constantFrom('pending_review', 'rejected', 'approved', ''),
    kind: fc.constantFrom('false_alarm', 'missed', 'x'),
    ruleId: fc.oneof(fc.constantFrom('gender-restriction'), nastyText),
    field: fc.constantFrom('description', 'title', 'benefits', 'x'),
    start: fc.oneof(fc.constantFrom('0', '3', '-1', '99999', ''), nastyText),
    end: fc.oneof(fc.constantFrom('2', '9', '0', '99999', ''), nastyText),
    passage: nastyText,
    _csrf: nastyText,
    _signin: nastyText,
  },
  { requiredKeys: [] },
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'text/csv',
  'application/x-ndjson',
  'application/x-www-form-urlencoded',
  `multipart/form-data; boundary=${BOUNDARY}`,
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/xml',
  '*/*',
  ';;;',
];

/** A path segment: a real id, one of the right shape that does not exist, or junk (percent-encoded). */
function segment(ids: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    ids.length ? fc.constantFrom(...ids) : fc.constant('ad_AAAAAAAAAAAAAAAAAAAA'),
    fc.stringMatching(/^(ad|ps)_[A-Za-z0-9_-]{20}$/),
    nastyText.map(encoded),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '.%2e', '%2F..%2F', 'a'.repeat(3000), '%00', 'style.css', 'app.js'),
  );
}

function queryString(names: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.constantFrom('1', '0', '-1', '101', '1e9', 'true', 'false', 'approved', 'pending_review', 'rejected', 'age', 'gender', 'csv', 'html', 'json', 'gbk', 'utf-8', '列名=title', 'x=y=z').map(encoded),
    nastyText.map(encoded),
    fc.constantFrom('%', '%zz', 'A'.repeat(3000)),
  );
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...(names.length ? names : ['x'])), fc.string({ maxLength: 8 }).map(encoded)), value);
  return fc.array(pair, { maxLength: 5 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
}

/** Header values as a client may send them: printable ASCII and Latin-1, never CR or LF. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c === 0x7f ? 0x20 : c)), maxLength: 300 });

function authorization(ctx: HostileContext, route: RouteTemplate): fc.Arbitrary<string | undefined> {
  const right = route.roles?.length ? route.roles.map((r) => ctx.keys[r]) : Object.values(ctx.keys);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...right).map((k) => `Bearer ${k}`), weight: 4 },
    fc.constantFrom(...Object.values(ctx.keys)).map((k) => `Bearer ${k}`),
    fc.stringMatching(/^hc_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$/).map((k) => `Bearer ${k}`),
    fc.constantFrom('Bearer', 'Bearer  ', 'Basic dXNlcjpwYXNz', 'bearer hc_x', `Bearer ${'A'.repeat(5000)}`),
    headerText,
    fc.constant(undefined),
  );
}

function bodyFor(ctx: HostileContext, route: RouteTemplate): fc.Arbitrary<Uint8Array | undefined> {
  const oversized = fc.constant(new Uint8Array(ctx.bodyLimitBytes + 1024).fill(0x78));
  const shaped = {
    ad: jsonText(adShaped),
    check: jsonText(adShaped),
    review: jsonText(reviewShaped),
    appeal: jsonText(appealShaped),
    feedback: jsonText(feedbackShaped),
    prescreen: fc.oneof(spreadsheet, multipart),
    form: fc.oneof(formFields.map((f) => utf8(new URLSearchParams(f as Record<string, string>).toString())), multipart),
    'self-check': fc.oneof(selfCheckFields.map((f) => utf8(new URLSearchParams(f as Record<string, string>).toString())), multipart),
    none: fc.constant(undefined),
  }[route.body];
  return fc.oneof({ arbitrary: shaped, weight: 6 }, jsonText(jsonJunk), multipart, { arbitrary: oversized, weight: 1 }, fc.constant(undefined));
}

export function hostileRequest(ctx: HostileContext, route: RouteTemplate): fc.Arbitrary<HostileRequest> {
  const ids = route.path.startsWith('/v1/prescreens') ? ctx.prescreenIds : ctx.adIds;
  const method = fc.oneof({ arbitrary: fc.constant(route.method), weight: 9 }, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'));
  return fc
    .record({
      method,
      segment: segment(ids),
      query: queryString(route.query ?? []),
      authorization: authorization(ctx, route),
      contentType: fc.option(fc.oneof({ arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 5 }, headerText), { nil: undefined }),
      extra: fc.record(
        {
          'idempotency-key': headerText,
          'if-match': fc.oneof(fc.constantFrom('"1"', 'W/"2"', '*', '"abc"'), headerText),
          cookie: fc.oneof(ctx.console ? fc.constant(ctx.console.cookie) : fc.constant('hc_console=x'), headerText),
          'x-forwarded-for': headerText,
          accept: fc.oneof(fc.constantFrom('text/html,application/xhtml+xml', 'application/json', '*/*'), headerText),
        },
        { requiredKeys: [] },
      ),
      useConsoleSession: fc.boolean(),
      body: bodyFor(ctx, route),
    })
    .map((r) => {
      const headers: Record<string, string> = { ...r.extra };
      if (r.authorization !== undefined) headers.authorization = r.authorization;
      if (r.contentType !== undefined) headers['content-type'] = r.contentType;
      let body = r.body;
      if (route.path.startsWith('/console') && r.useConsoleSession && ctx.console) {
        headers.cookie = ctx.console.cookie;
        // A valid CSRF token, so the form's own handling is reached.
        if (body && r.contentType === 'application/x-www-form-urlencoded') body = utf8(`${new TextDecoder().decode(body)}&_csrf=${encodeURIComponent(ctx.console.csrf)}`);
      }
      return { method: r.method, path: route.path.replace('{id}', r.segment) + r.query, headers, body, route };
    });
}

/** Why a reply is not what any request may get (a 5xx, a malformed error), or undefined when it is fine. */
export function unacceptable(
  request: Pick<HostileRequest, 'path' | 'headers'>,
  reply: { status: number; headers: Record<string, string | string[] | undefined>; body: Uint8Array },
): string | undefined {
  if (reply.status >= 500) return `status ${reply.status}`;
  if (reply.status >= 300 && reply.status < 400) return reply.headers.location ? undefined : `redirect ${reply.status} without Location`;
  if (reply.status < 400) return undefined;
  const type = String(reply.headers['content-type'] ?? '');
  // The console answers people with its error page; everything else, and what fails before any route is
  // reached (an unreadable request, headers over the limit), answers with RFC 9457 problem+json.
  if (request.path.startsWith('/console') && type.startsWith('text/html')) return undefined;
  // The self-check page answers a browser (Accept: text/html) with itself and a notice; anyone else with problem+json.
  if (request.path.startsWith('/check') && type.startsWith('text/html')) {
    return (request.headers.accept ?? '').includes('text/html') ? undefined : `error ${reply.status} as HTML to a client that did not ask for it`;
  }
  if (type !== 'application/problem+json') return `error ${reply.status} as ${type || 'no content type'}`;
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(new TextDecoder().decode(reply.body)) as Record<string, unknown>;
  } catch {
    return `error ${reply.status} with a body that is not JSON`;
  }
  const wellFormed =
    typeof problem.type === 'string' &&
    problem.type.startsWith('urn:hirecheck:problem:') &&
    typeof problem.title === 'string' &&
    problem.status === reply.status &&
    typeof problem.detail === 'string' &&
    typeof problem.instance === 'string';
  if (!wellFormed) return `malformed problem: ${JSON.stringify(problem).slice(0, 200)}`;
  const transportLevel = ['invalid-request', 'header-too-large', 'request-timeout'].map((slug) => `urn:hirecheck:problem:${slug}`);
  if (request.path.startsWith('/console') && !transportLevel.includes(problem.type as string)) return `console error ${reply.status} as problem+json`;
  return undefined;
}
