/**
 * The self-check page's stylesheet and script: the console's look (its stylesheet, then the page's own rules)
 * and the copy button. Served from the app itself so the CSP stays `'self'`; URLs carry a content hash.
 */
import { assetVersion, CONSOLE_CSS } from '../console/assets.js';

const SELF_CHECK_CSS = `${CONSOLE_CSS}
main{max-width:1100px}
.intro{margin-bottom:16px}
.intro p{margin:0 0 8px}
.intro ul{margin:4px 0 0;padding-left:20px;font-size:14px}
.intro li{margin:2px 0}
form.check label{display:block;font-weight:600;margin:12px 0 4px}
form.check input,form.check textarea{width:100%;font:inherit;padding:8px;border:1px solid var(--line);border-radius:6px;background:#fff}
form.check textarea{min-height:220px}
form.check .hint{font-size:13px;color:var(--muted);margin:4px 0 0}
button.primary{font:inherit;font-size:16px;padding:8px 28px;border-radius:6px;border:1px solid #116329;background:var(--ok);color:#fff;cursor:pointer;margin-top:12px}
button.secondary{font:inherit;padding:6px 16px;border-radius:6px;border:1px solid var(--line);background:#fff;cursor:pointer}
.result{margin-top:24px}
.verdict{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;margin:0 0 12px}
.verdict h2{margin:0}
/* Wide screens: the marked ad stays in view beside a long list of findings. */
@media (min-width:901px){.result .ad-grid>section:first-child{position:sticky;top:12px;max-height:calc(100vh - 24px);overflow:auto}}
.decision{font-weight:700;padding:2px 12px;border-radius:12px;border:1px solid rgba(0,0,0,.15)}
.decision.approve{background:#dafbe1}.decision.review{background:#fff8c5}.decision.reject{background:#ffebe9}
mark[data-finding]::after{content:attr(data-finding);font-size:11px;font-weight:700;vertical-align:super;margin-left:1px}
.diff{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font-size:16px}
.diff del{background:#ffebe9;color:#82071e}
.diff ins{background:#dafbe1;color:#116329;text-decoration:none;border-bottom:2px solid #4ac26b}
#fixed{margin-top:16px}
#fixed textarea{width:100%;font:inherit;padding:8px;border:1px solid var(--line);border-radius:6px;background:var(--bg)}
.copy-row{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;margin-top:8px}
footer.about{max-width:1100px;margin:0 auto;padding:0 24px 32px;color:var(--muted);font-size:13px}
@media (max-width:600px){header.top{padding:8px 12px;gap:12px}main{padding:12px 12px 32px}.panel{padding:12px}h1{font-size:19px}footer.about{padding:0 12px 24px}}
`;

/** Shows the copy button (hidden without script) and copies the fixed ad, with a fallback for old browsers. */
const SELF_CHECK_JS = `
'use strict';
(function () {
  var button = document.getElementById('copy-fixed');
  var text = document.getElementById('fixed-text');
  var status = document.getElementById('copy-status');
  if (!button || !text) return;
  button.hidden = false;
  function copied(ok) {
    if (status) status.textContent = ok ? '已复制到剪贴板。' : '无法自动复制，请手动选中文本复制。';
  }
  function fallback() {
    text.focus();
    text.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    copied(ok);
  }
  button.addEventListener('click', function () {
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text.value).then(function () { copied(true); }, fallback);
    else fallback();
  });
})();
`;

export const SELF_CHECK_ASSETS = {
  css: { path: `/static/check.${assetVersion(SELF_CHECK_CSS)}.css`, body: SELF_CHECK_CSS, type: 'text/css; charset=utf-8' },
  js: { path: `/static/check.${assetVersion(SELF_CHECK_JS)}.js`, body: SELF_CHECK_JS, type: 'text/javascript; charset=utf-8' },
} as const;
