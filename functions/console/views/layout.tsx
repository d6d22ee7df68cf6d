/** The page frame: head with the static stylesheet and script, the top bar with navigation and sign-out. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { ASSETS } from '../assets.js';
import { CSRF_FIELD } from '../security.js';
import { CONSOLE_BASE } from '../urls.js';

export interface Viewer {
  keyId: string;
  label?: string;
  role: string;
  csrfToken: string;
}

export type Section = 'queue' | 'rejected' | 'proposals' | 'stats' | 'none';

/** The keys that work on a page, listed in its footer (pages where no key does anything list none). */
export type Shortcuts = 'list' | 'ad' | 'decide';

const SHORTCUT_HELP: Record<Shortcuts, Child> = {
  list: (
    <>
      <kbd>j</kbd> 下一条 · <kbd>k</kbd> 上一条 · <kbd>Enter</kbd> 打开
    </>
  ),
  ad: (
    <>
      <kbd>j</kbd> 下一条 · <kbd>k</kbd> 上一条
    </>
  ),
  decide: (
    <>
      <kbd>j</kbd> 下一条 · <kbd>k</kbd> 上一条 · <kbd>a</kbd> 通过（5 秒内可撤销） · <kbd>r</kbd> 填写驳回理由 · <kbd>1</kbd>–<kbd>6</kbd> 选常用理由 ·{' '}
      <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 提交理由
    </>
  ),
};

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** The head of a page: zh-CN, phone-ready, no referrer, its stylesheet and script (same origin, for the CSP). */
export function DocumentHead(props: { title: string; css: string; js: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
      <title>{props.title}</title>
      <link rel="stylesheet" href={props.css} />
      <script src={props.js} defer></script>
    </head>
  );
}

export function Page(props: { title: string; viewer?: Viewer; section?: Section; shortcuts?: Shortcuts; children: Child }) {
  const { viewer, section = 'none' } = props;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="zh-CN">
        <DocumentHead title={`${props.title} · hirecheck 审核台`} css={`${CONSOLE_BASE}${ASSETS.css.path}`} js={`${CONSOLE_BASE}${ASSETS.js.path}`} />
        <body>
          <header class="top">
            <a class="brand" href={CONSOLE_BASE}>
              hirecheck 审核台
            </a>
            {viewer ? (
              <>
                <nav>
                  <a href={CONSOLE_BASE} aria-current={section === 'queue' ? 'page' : undefined}>
                    审核队列
                  </a>
                  <a href={`${CONSOLE_BASE}/rejected`} aria-current={section === 'rejected' ? 'page' : undefined}>
                    引擎驳回
                  </a>
                  <a href={`${CONSOLE_BASE}/proposals`} aria-current={section === 'proposals' ? 'page' : undefined}>
                    改进建议
                  </a>
                  <a href={`${CONSOLE_BASE}/stats`} aria-current={section === 'stats' ? 'page' : undefined}>
                    统计
                  </a>
                </nav>
                <span class="who" title={`${viewer.role === 'admin' ? '管理员' : '审核员'} · 密钥 ${viewer.keyId}`}>
                  {viewer.label ?? viewer.keyId}
                </span>
                <form method="post" action={`${CONSOLE_BASE}/sign-out`}>
                  <CsrfField token={viewer.csrfToken} />
                  <button type="submit">退出</button>
                </form>
              </>
            ) : (
              <nav></nav>
            )}
          </header>
          <main>{props.children}</main>
          {viewer && props.shortcuts ? <footer class="keys">快捷键：{SHORTCUT_HELP[props.shortcuts]}</footer> : null}
        </body>
      </html>
    </>
  );
}

/** What a page tells the moderator after an action: a title, a line of text, a way on. */
export interface PageNotice {
  kind: 'ok' | 'warn' | 'error';
  title: string;
  text?: string;
  link?: { href: string; text: string };
}

/** A notice box; `kind` picks the colour. */
export function Notice({ notice }: { notice: PageNotice }) {
  return (
    <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <strong>{notice.title}</strong>
      {notice.text}
      {notice.link ? (
        <>
          {' '}
          <a href={notice.link.href}>{notice.link.text}</a>
        </>
      ) : null}
    </div>
  );
}
