/**
 * Sign-in: the moderator pastes a key once; the server exchanges it for a session cookie. The key is
 * posted in the form body only (never a URL), and the page never echoes it back.
 */
import { CONSOLE_BASE } from '../urls.js';
import { Notice, Page, type PageNotice } from './layout.js';

export function SignInPage(props: { signInToken: string; notice?: PageNotice }) {
  return (
    <Page title="登录">
      <div class="signin panel">
        <h1>审核台登录</h1>
        {props.notice ? <Notice notice={props.notice} /> : null}
        <form method="post" action={`${CONSOLE_BASE}/sign-in`}>
          <input type="hidden" name="_signin" value={props.signInToken} />
          <label class="block" for="key">
            审核员密钥
          </label>
          <input
            id="key"
            name="key"
            type="password"
            required
            autocomplete="off"
            spellcheck={false}
            placeholder="hc_…"
            autofocus
          />
          <button type="submit">登录</button>
        </form>
        <p class="muted">使用审核员或管理员的 API 密钥登录。密钥只用于换取会话，不会保存在浏览器中。</p>
      </div>
    </Page>
  );
}
