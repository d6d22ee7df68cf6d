/** A plain error page in the console's frame (never problem+json: a person reads it). */
import { CONSOLE_BASE } from '../urls.js';
import { Notice, Page, type Viewer } from './layout.js';

export function ErrorPage(props: { status: number; title: string; text?: string; viewer?: Viewer }) {
  return (
    <Page title={props.title} viewer={props.viewer}>
      <h1>{props.title}</h1>
      <Notice notice={{ kind: 'error', title: `错误 ${props.status}`, text: props.text }} />
      <p>
        <a href={CONSOLE_BASE}>返回审核队列</a>
      </p>
    </Page>
  );
}
