/**
 * The moderator console: a Hono sub-app of server-rendered pages, mounted at /console on the API app
 * (`createApp({ routes: [consoleRoute(deps)] })`). It reads and writes through the same store and
 * resolves keys through the same authenticator as the API, and allows the same roles as the API's
 * review endpoints (moderator, admin).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createHash } from 'node:crypto';
import type { Category } from '../core/categories.js';
import { createAuthenticator, scopeOf, type Authenticator, type ClientAddress } from '../http/auth.js';
import { defaultLogger, type AppEnv, type Logger } from '../http/env.js';
import { AuthThrottledError } from '../http/errors.js';
import { REASON_MAX } from '../http/schemas.js';
import type { AdStore } from '../store/ads.js';
import type { ApiKeyStore } from '../store/api-keys.js';
import { createClaimStore, type ClaimStore } from '../store/claims.js';
import { createConsoleQueries, type ConsoleQueries, type QueueStretch } from '../store/console-queries.js';
import { createConsoleSessionStore, type ConsoleSession, type ConsoleSessionStore } from '../store/console-sessions.js';
import { ConflictError, InvalidCursorError, InvalidInputError, NotFoundError, StoreUnavailableError } from '../store/errors.js';
import type { FeedbackStore } from '../store/feedback.js';
import { currentProposals } from '../feedback/current-proposals.js';
import type { Engine } from '../engine.js';
import { hashApiKey, isDecidable, type AdRecord, type Principal } from '../store/model.js';
import type { Table } from '../store/table.js';
import { ASSETS, serveAssets } from './assets.js';
import { formText as field, MalformedFormError, readForm } from './form.js';
import { isCategory, REVIEW_DECISION_LABELS, STATUS_LABELS } from './labels.js';
import {
  clearSessionCookie,
  clearSignInCookie,
  CSRF_FIELD,
  issueSignInToken,
  securityHeaders,
  sessionToken,
  setSessionCookie,
  signInCookie,
  tokensMatch,
} from './security.js';
import { AdPage, describeReview } from './views/ad-page.js';
import { ErrorPage } from './views/error-page.js';
import { HistoryPage } from './views/history-page.js';
import type { PageNotice, Viewer } from './views/layout.js';
import { ProposalsPage } from './views/proposals-page.js';
import { QueuePage, type QueueRow } from './views/queue-page.js';
import { feedbackForm, FEEDBACK_NOTICES } from './feedback-form.js';
import { SignInPage } from './views/sign-in-page.js';
import { STATS_DAYS, StatsPage } from './views/stats-page.js';
import { adUrl, CONSOLE_BASE, queueUrl, rejectedUrl, withParams } from './urls.js';

export interface ConsoleDeps {
  store: { ads: AdStore; keys: ApiKeyStore; feedback: FeedbackStore; table: Table };
  /** The running rules: proposals leave out the marks they already fix. */
  engine: Pick<Engine, 'check'>;
  /** Share the API's authenticator (and its key cache); default: one over `store.keys`. */
  auth?: Authenticator;
  log?: Logger;
  /** The caller's address, for failed-authentication limiting (as the API's). */
  clientAddress?: ClientAddress;
  /** A moderator's working day: sessions end after this many seconds. */
  sessionTtlSeconds?: number;
  now?: () => Date;
}

const DEFAULT_SESSION_TTL_SECONDS = 12 * 60 * 60;
const QUEUE_PAGE_SIZE = 25;
/** Same rule as the API's `requireRole('moderator')`: moderators, and admins who may do everything. */
const CONSOLE_ROLES: ReadonlySet<Principal['role']> = new Set(['moderator', 'admin']);

interface SignedIn {
  principal: Principal;
  session: ConsoleSession;
  token: string;
  viewer: Viewer;
}

type ConsoleEnv = { Variables: AppEnv['Variables'] & { signedIn: SignedIn } };

/** What the failed-authentication limiter remembers of a session cookie: its digest, never the token. */
const sessionCredential = (token: string) => `session:${createHash('sha256').update(token).digest('hex')}`;

export function createConsoleApp(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const { store } = deps;
  const auth = deps.auth ?? createAuthenticator(store.keys, { cacheMs: 0 });
  const sessions: ConsoleSessionStore = createConsoleSessionStore(store.table);
  const queries: ConsoleQueries = createConsoleQueries(store.table);
  const claims: ClaimStore = createClaimStore(store.table);
  const log = deps.log ?? defaultLogger;
  const now = deps.now ?? (() => new Date());
  const ttl = deps.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const clientOf = (c: Context) => deps.clientAddress?.(c);

  const app = new Hono<ConsoleEnv>();
  app.use('*', securityHeaders);
  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.html(<ErrorPage status={413} title="提交的内容过大" />, 413) }));

  serveAssets(app, ASSETS);

  // ---- sign-in / sign-out ------------------------------------------------------------------------

  const signInPage = (c: Context, notice?: PageNotice, status: 200 | 400 | 403 = 200) =>
    c.html(<SignInPage signInToken={issueSignInToken(c)} notice={notice} />, status);

  app.get('/sign-in', (c) => {
    const out = c.req.query('out') === '1' ? { kind: 'ok' as const, title: '已退出登录。' } : undefined;
    const expired = c.req.query('expired') === '1' ? { kind: 'warn' as const, title: '会话已过期，请重新登录。' } : undefined;
    return signInPage(c, out ?? expired);
  });

  app.post('/sign-in', async (c) => {
    const form = await readForm(c);
    // Login CSRF: the form's token must match the cookie set with the form (double submit).
    if (!tokensMatch(signInCookie(c), form._signin)) {
      return signInPage(c, { kind: 'error', title: '登录表单已过期，请重试。' }, 403);
    }
    const key = field(form, 'key');
    const principal = key ? await auth.resolveKey(key, clientOf(c)) : undefined;
    if (!principal) return signInPage(c, { kind: 'error', title: '密钥无效或已被吊销。' }, 403);
    if (!CONSOLE_ROLES.has(principal.role)) {
      return signInPage(c, { kind: 'error', title: '此密钥无权使用审核台：需要审核员或管理员密钥。' }, 403);
    }
    const label = (await queries.keyLabels([principal.keyId])).get(principal.keyId);
    const { token } = await sessions.create({ keyHash: hashApiKey(key), label, ttlSeconds: ttl });
    clearSignInCookie(c);
    setSessionCookie(c, token, ttl);
    return c.redirect(CONSOLE_BASE, 303);
  });

  // ---- everything below needs a live session ------------------------------------------------------

  /** The session of a cookie; unknown cookies count as failed authentications of the caller's address. */
  async function liveSession(token: string, client: string | undefined): Promise<ConsoleSession | undefined> {
    const credential = sessionCredential(token);
    auth.failures.admit(client, credential);
    const session = await sessions.get(token);
    if (session) auth.failures.succeeded(credential);
    else auth.failures.failed(client);
    return session;
  }

  app.use('*', async (c, next) => {
    const token = sessionToken(c);
    const session = token ? await liveSession(token, clientOf(c)) : undefined;
    // The key is resolved again on every request: a revoked key or a changed role ends the session.
    const principal = session ? await auth.resolveKeyHash(session.keyHash) : undefined;
    if (!token || !session || !principal || !CONSOLE_ROLES.has(principal.role)) {
      if (token) clearSessionCookie(c);
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        return c.redirect(`${CONSOLE_BASE}/sign-in${token ? '?expired=1' : ''}`, 303);
      }
      return c.html(<ErrorPage status={401} title="未登录或会话已过期" text="请重新登录后再操作。" />, 401);
    }
    const viewer: Viewer = { keyId: principal.keyId, role: principal.role, csrfToken: session.csrfToken };
    if (session.label) viewer.label = session.label;
    c.set('signedIn', { principal, session, token, viewer });
    await next();
  });

  // CSRF: every state-changing request carries the session's token (SameSite=Strict is the second line).
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const form = await readForm(c);
      if (!tokensMatch(c.get('signedIn').session.csrfToken, form[CSRF_FIELD])) {
        return c.html(
          <ErrorPage
            status={403}
            title="表单校验失败（CSRF）"
            text="表单已过期或不是从审核台提交的。请返回并刷新页面后重试。"
            viewer={c.get('signedIn').viewer}
          />,
          403,
        );
      }
    }
    await next();
  });

  app.post('/sign-out', async (c) => {
    await sessions.delete(c.get('signedIn').token);
    clearSessionCookie(c);
    return c.redirect(`${CONSOLE_BASE}/sign-in?out=1`, 303);
  });

  // ---- pages -------------------------------------------------------------------------------------

  const categoryParam = (value: unknown): Category | undefined => (isCategory(value) ? value : undefined);

  /** The notice shown after a decision on the page that opens next ("已通过：<title>"). */
  async function doneNotice(c: Context<ConsoleEnv>): Promise<PageNotice | undefined> {
    const done = c.req.query('done');
    const from = c.req.query('from');
    if ((done !== 'approve' && done !== 'reject') || !from) return undefined;
    try {
      const prev = await store.ads.getSummary(from, scopeOf(c.get('signedIn').principal));
      return { kind: 'ok', title: `${REVIEW_DECISION_LABELS[done]}：${prev.title}` };
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  /** One of the two lists (the queue, the engine's rejects) as a page, with what was just decided. */
  async function listPage(c: Context<ConsoleEnv>, list: 'queue' | 'rejected', notice?: PageNotice) {
    const category = categoryParam(c.req.query('category'));
    const cursor = c.req.query('cursor') || undefined;
    const query = { category, cursor, limit: QUEUE_PAGE_SIZE };
    const [page, total] = await Promise.all([
      list === 'queue'
        ? store.ads.reviewQueue(query).then((p) => ({ ...p, items: p.items.map(({ queuedAt, ...row }): QueueRow => ({ ...row, at: queuedAt })) }))
        : store.ads.rejected(query).then((p) => ({ ...p, items: p.items.map(({ rejectedAt, ...row }): QueueRow => ({ ...row, at: rejectedAt })) })),
      queries.listSize(list, category),
    ]);
    const rows = page.items;
    const [held, done] = await Promise.all([claims.current(rows.map((r) => r.adId)), doneNotice(c)]);
    const flash = notice ?? (done ? { ...done, text: rows.length === 0 && !cursor ? '列表已全部处理完。' : undefined } : undefined);
    return c.html(
      <QueuePage
        viewer={c.get('signedIn').viewer}
        list={list}
        rows={rows}
        total={total}
        claims={held}
        category={category}
        cursor={cursor}
        nextCursor={page.cursor}
        flash={flash}
        now={now()}
      />,
    );
  }

  /** The first ad of a stretch of the queue that no other moderator holds, reading on while every one is held. */
  async function firstFree(start: QueueStretch, keyId: string, category?: Category): Promise<string | undefined> {
    let page = start;
    for (;;) {
      const held = await claims.current(page.adIds);
      const free = page.adIds.find((id) => (held.get(id)?.keyId ?? keyId) === keyId);
      if (free || !page.last) return free;
      page = await queries.queueFrom({ category, after: page.last, limit: QUEUE_PAGE_SIZE });
    }
  }

  /** The ads around a queue position: the one before, and the first after it that no one else holds. */
  async function neighboursOf(position: { adId: string; queuedAt: string }, keyId: string, category?: Category) {
    const { prev, following } = await queries.queueNeighbours({ ...position, category });
    const next = await firstFree(following, keyId, category);
    return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
  }

  app.get('/', (c) => listPage(c, 'queue'));
  app.get('/rejected', (c) => listPage(c, 'rejected'));

  // 开始审核: the oldest ad of the queue that no other moderator holds.
  app.get('/next', async (c) => {
    const category = categoryParam(c.req.query('category'));
    const start = await queries.queueFrom({ category, limit: QUEUE_PAGE_SIZE });
    const next = await firstFree(start, c.get('signedIn').principal.keyId, category);
    if (next) return c.redirect(adUrl(next, category), 303);
    const all = start.adIds.length > 0;
    return listPage(c, 'queue', { kind: all ? 'warn' : 'ok', title: all ? '队列中的广告都有其他审核员正在处理。' : '队列为空：没有待审核的广告。' });
  });

  app.get('/proposals', async (c) => {
    const { proposals, resolvedMarks } = await currentProposals(store.feedback, (ad) => deps.engine.check(ad));
    return c.html(<ProposalsPage viewer={c.get('signedIn').viewer} proposals={proposals} resolvedMarks={resolvedMarks} />);
  });

  /**
   * Loads the ad page for `adId` as it is now; `page(notice)` renders it. The ad is returned too, so a
   * conflict message can describe the state that won.
   */
  async function loadAdPage(
    c: Context<ConsoleEnv>,
    adId: string,
    options: { category?: Category; reasonDraft?: string; status?: 200 | 409 | 422 } = {},
  ) {
    const { principal, viewer } = c.get('signedIn');
    const { category } = options;
    const ad = await store.ads.get(adId, scopeOf(principal));
    // Opening an ad a moderator may decide claims it (or shows who holds it); neighbours pass over held ads.
    const [neighbours, keyLabels, feedback, claim] = await Promise.all([
      ad.status === 'pending_review' && ad.queuedAt ? neighboursOf({ adId, queuedAt: ad.queuedAt }, principal.keyId, category) : {},
      queries.keyLabels(ad.review ? [ad.review.keyId] : []),
      store.feedback.forVersion(adId, ad.version),
      isDecidable(ad) ? claims.claim(adId, { keyId: principal.keyId, label: viewer.label }) : undefined,
    ]);
    const page = (notice?: PageNotice) =>
      c.html(
        <AdPage
          viewer={viewer}
          ad={ad}
          category={category}
          neighbours={neighbours}
          keyLabels={keyLabels}
          claim={claim}
          notice={notice}
          reasonDraft={options.reasonDraft}
          feedback={feedback}
          now={now()}
        />,
        options.status ?? 200,
      );
    return { ad, keyLabels, page };
  }

  app.get('/ads/:adId', async (c) => {
    const { page } = await loadAdPage(c, c.req.param('adId'), { category: categoryParam(c.req.query('category')) });
    const fb = c.req.query('fb');
    return page(fb && fb in FEEDBACK_NOTICES ? FEEDBACK_NOTICES[fb as keyof typeof FEEDBACK_NOTICES] : await doneNotice(c));
  });

  app.post('/ads/:adId/review', async (c) => {
    const adId = c.req.param('adId');
    const { principal } = c.get('signedIn');
    const form = await readForm(c);
    const decision = field(form, 'decision');
    const expectedVersion = Number(field(form, 'version'));
    const category = categoryParam(field(form, 'category'));
    if ((decision !== 'approve' && decision !== 'reject') || !Number.isInteger(expectedVersion) || expectedVersion < 1) {
      return c.html(<ErrorPage status={400} title="无效的审核请求" viewer={c.get('signedIn').viewer} />, 400);
    }
    // Invisible-only text (spaces, zero-width, control characters) is no reason.
    const preset = field(form, 'preset');
    const typed = field(form, 'reason');
    const reason = preset && typed ? `${preset}：${typed}` : preset || typed;
    if (decision === 'reject' && !reason) {
      const { page } = await loadAdPage(c, adId, { category, status: 422 });
      return page({ kind: 'error', title: '驳回需要填写理由。', text: '请点击一个常用理由，或在文本框中填写。' });
    }
    if (reason.length > REASON_MAX) {
      const { page } = await loadAdPage(c, adId, { category, status: 422, reasonDraft: typed });
      return page({ kind: 'error', title: `理由过长：最多 ${REASON_MAX} 个字符。` });
    }

    const seen = field(form, 'status');
    const expectedStatus = seen === 'pending_review' || seen === 'rejected' ? seen : undefined;
    const before = await store.ads.getSummary(adId, scopeOf(principal));
    try {
      await store.ads.decide({ adId, actor: principal, decision, reason: reason || undefined, expectedVersion, expectedStatus });
    } catch (err) {
      if (err instanceof InvalidInputError) {
        const { page } = await loadAdPage(c, adId, { category, status: 422 });
        return page({ kind: 'error', title: '推翻引擎驳回需要填写理由。', text: '请在“推翻引擎驳回的理由”中写明引擎为何判错。' });
      }
      if (!(err instanceof ConflictError)) throw err;
      const { ad, keyLabels, page } = await loadAdPage(c, adId, { category, status: 409, reasonDraft: typed });
      return page(conflictNotice(err, ad, keyLabels, principal, category));
    }

    await claims.release(adId, principal.keyId);
    const next = before.queuedAt ? (await neighboursOf({ adId, queuedAt: before.queuedAt }, principal.keyId, category)).next : undefined;
    // The page that opens next says what was just decided (and the list says when it is empty).
    const onward = next ? adUrl(next, category) : before.status === 'rejected' ? rejectedUrl({ category }) : queueUrl({ category });
    return c.redirect(withParams(onward, { done: decision, from: adId }), 303);
  });

  app.post('/ads/:adId/feedback', async (c) => {
    const adId = c.req.param('adId');
    const { principal } = c.get('signedIn');
    const ad = await store.ads.get(adId, scopeOf(principal));
    const parsed = feedbackForm(await readForm(c), ad);
    if ('problem' in parsed) {
      const { page } = await loadAdPage(c, adId, { status: 422 });
      return page({ kind: 'error', title: parsed.problem });
    }
    try {
      const { outcome } = await store.feedback.record({ adId, actor: principal, feedback: parsed });
      return c.redirect(withParams(adUrl(adId), { fb: outcome === 'created' ? parsed.kind : 'duplicate' }), 303);
    } catch (err) {
      if (!(err instanceof InvalidInputError)) throw err;
      const { page } = await loadAdPage(c, adId, { status: 422 });
      return page({ kind: 'error', title: '反馈未保存：它与这一版广告对不上。', text: err.message });
    }
  });

  app.get('/ads/:adId/history', async (c) => {
    const adId = c.req.param('adId');
    const scope = scopeOf(c.get('signedIn').principal);
    const history = await store.ads.history(adId, scope);
    const keyLabels = await queries.keyLabels(history.events.map((e) => e.actor.keyId));
    return c.html(<HistoryPage viewer={c.get('signedIn').viewer} history={history} keyLabels={keyLabels} />);
  });

  app.get('/stats', async (c) => {
    const at = now();
    const [counts, queue, rejected] = await Promise.all([
      queries.activity(new Date(at.getTime() - STATS_DAYS * 24 * 60 * 60 * 1000)),
      queries.listSize('queue'),
      queries.listSize('rejected'),
    ]);
    const keyLabels = await queries.keyLabels([...counts.decisionsByKey.keys()]);
    return c.html(<StatsPage viewer={c.get('signedIn').viewer} counts={counts} backlog={{ queue, rejected }} keyLabels={keyLabels} now={at} />);
  });

  app.all('*', (c) =>
    c.html(
      <ErrorPage
        status={404}
        title="页面不存在"
        text={`审核台没有 ${c.req.path} 这个页面：链接可能有误或已过时。可从下面的页面继续。`}
        viewer={c.get('signedIn').viewer}
      />,
      404,
    ),
  );

  app.onError((err, c) => {
    const viewer = c.get('signedIn')?.viewer;
    if (err instanceof NotFoundError) {
      return c.html(<ErrorPage status={404} title="广告不存在" text="没有这条广告：链接可能不完整，或广告编号有误。" viewer={viewer} />, 404);
    }
    if (err instanceof InvalidCursorError) {
      return c.html(<ErrorPage status={400} title="分页参数无效" text="请从队列第一页重新开始。" viewer={viewer} />, 400);
    }
    if (err instanceof MalformedFormError) {
      return c.html(<ErrorPage status={400} title="无法读取提交的表单" text="请返回页面重新提交。" viewer={viewer} />, 400);
    }
    if (err instanceof AuthThrottledError) {
      c.header('Retry-After', String(err.retryAfterSeconds));
      return c.html(
        <ErrorPage status={429} title="登录失败次数过多" text={`请在 ${err.retryAfterSeconds} 秒后重试。`} viewer={viewer} />,
        429,
      );
    }
    if (err instanceof StoreUnavailableError) {
      return c.html(<ErrorPage status={503} title="数据库暂时不可用" text="请稍后刷新重试。" viewer={viewer} />, 503);
    }
    log({ level: 'error', msg: 'console request failed', path: c.req.path, error: err instanceof Error ? err.stack : String(err) });
    return c.html(<ErrorPage status={500} title="服务器内部错误" text="请稍后重试。" viewer={viewer} />, 500);
  });

  return app;
}

/** The plain-language 409: who decided first and what, or why the ad changed; nothing was written. */
function conflictNotice(
  err: ConflictError,
  ad: Pick<AdRecord, 'status' | 'version' | 'review'>,
  keyLabels: Map<string, string>,
  principal: Principal,
  category: Category | undefined,
): PageNotice {
  const unsaved = '您的操作没有保存。';
  const onward = { href: queueUrl({ category }), text: '返回审核队列继续 »' };
  if (err.code === 'not_pending') {
    if (ad.review) {
      const who = ad.review.keyId === principal.keyId ? '您已处理过该广告' : '该广告已由其他审核员处理';
      return { kind: 'error', title: `${who}：${describeReview(ad.review, keyLabels)}`, text: unsaved, link: onward };
    }
    return {
      kind: 'error',
      title: `该广告已不在待审核状态：${STATUS_LABELS[ad.status]}（招聘方修改后由引擎重新判定）。`,
      text: unsaved,
      link: onward,
    };
  }
  if (err.code === 'version_conflict') {
    return { kind: 'warn', title: `该广告已有新版本（第 ${ad.version} 版：招聘方修改，或新规则重新检查）：请按新版本重新审核。`, text: unsaved };
  }
  return { kind: 'warn', title: '该广告正在被同时修改，请稍后重试。', text: unsaved };
}

/** The console as an extra router for `createApp({ routes })`. */
export function consoleRoute(deps: ConsoleDeps): { path: string; app: Hono<AppEnv>; home: boolean } {
  // The console's own variables (the signed-in session) extend AppEnv's; wrapping keeps both typed.
  const app = new Hono<AppEnv>();
  app.route('/', createConsoleApp(deps));
  return { path: CONSOLE_BASE, app, home: true };
}
