/** A plain error page in the console's frame (never problem+json: a person reads it), with the ways on. */
import { CONSOLE_BASE } from '../urls.js';
import { Notice, Page, type Viewer } from './layout.js';

export function ErrorPage(props: { status: number; title: string; text?: string; viewer?: Viewer }) {
  return (
    <Page title={props.title} viewer={props.viewer}>
      <h1>{props.title}</h1>
      <Notice notice={{ kind: 'error', title: `错误 ${props.status}`, text: props.text }} />
      <ul class="ways-on">
        <li>
          <a href={CONSOLE_BASE}>审核队列</a>：待审核的广告，最早的在前
        </li>
        <li>
          <a href={`${CONSOLE_BASE}/rejected`}>引擎驳回</a>：可推翻误判的广告
        </li>
        <li>
          <a href={`${CONSOLE_BASE}/stats`}>统计</a>：积压、等待时间与各审核员的工作量
        </li>
      </ul>
    </Page>
  );
}
