/** The self-check page's frame: the console's top bar and look, its own stylesheet and script, a footer. */
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { DocumentHead } from '../../console/views/layout.js';
import { SELF_CHECK_ASSETS } from '../assets.js';
import { SELF_CHECK_BASE } from '../urls.js';

export function SelfCheckLayout(props: { title: string; children: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="zh-CN">
        <DocumentHead title={`${props.title} · hirecheck`} css={`${SELF_CHECK_BASE}${SELF_CHECK_ASSETS.css.path}`} js={`${SELF_CHECK_BASE}${SELF_CHECK_ASSETS.js.path}`} />
        <body>
          <header class="top">
            <a class="brand" href={SELF_CHECK_BASE}>
              hirecheck 招聘广告自查
            </a>
            <nav></nav>
          </header>
          <main>{props.children}</main>
          <footer class="about">提交的内容只用于本次检查，不会被保存。结果由规则自动生成，仅供参考，不构成法律意见。</footer>
        </body>
      </html>
    </>
  );
}
