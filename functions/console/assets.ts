/**
 * The console's stylesheet and script, kept in the code (not files on disk) so the Lambda bundle carries
 * them, served from the app itself so the CSP can stay `'self'` with no inline style or script.
 * URLs carry a content hash: browsers cache them for a year and a deploy changes the URL.
 */
import { createHash } from 'node:crypto';
import type { Env, Hono } from 'hono';
import { CATEGORIES } from '../core/categories.js';
import { CATEGORY_COLOURS } from '../presentation/labels.js';

const categoryRules = CATEGORIES.map(
  (c) =>
    `[data-category="${c}"]{--cat:${CATEGORY_COLOURS[c]}}` +
    // Wide chart bars cannot take a CSS variable as SVG fill in every engine: set fill directly.
    `rect[data-category="${c}"]{fill:${CATEGORY_COLOURS[c]}}`,
).join('\n');

export const CONSOLE_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--accent:#0969da;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;
font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--fg);font-size:15px;line-height:1.6}
*{box-sizing:border-box}
body{margin:0;background:var(--bg)}
a{color:var(--accent)}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:4px 24px;padding:8px 24px;background:#24292f;color:#fff}
header.top>*{white-space:nowrap}
header.top .brand{font-weight:bold;font-size:17px;color:#fff;text-decoration:none}
header.top nav{display:flex;gap:16px;flex:1}
header.top nav a{color:#d1d9e0;text-decoration:none;padding:4px 2px}
header.top nav a[aria-current="page"]{color:#fff;border-bottom:2px solid #fff}
header.top .who{color:#d1d9e0;font-size:13px;overflow:hidden;text-overflow:ellipsis;max-width:16em}
header.top form{margin:0}
header.top button{background:transparent;color:#fff;border:1px solid #8c959f;border-radius:6px;padding:2px 10px;cursor:pointer;white-space:nowrap}
main{max-width:1400px;margin:0 auto;padding:16px 24px 48px}
h1{font-size:22px;margin:8px 0 16px}
h2{font-size:17px;margin:24px 0 8px}
footer.keys{max-width:1400px;margin:0 auto;padding:0 24px 24px;color:var(--muted);font-size:13px}
kbd{border:1px solid var(--line);border-bottom-width:2px;border-radius:4px;padding:0 5px;background:#fff;font-size:12px;font-family:inherit;white-space:nowrap}
.panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:16px}
.panel>h1:first-child,.panel>h2:first-child{margin-top:0}
.notice{border-radius:8px;padding:12px 16px;margin:0 0 16px;border:1px solid;overflow-wrap:anywhere}
.notice.ok{background:#dafbe1;border-color:#4ac26b}
.notice.error{background:#ffebe9;border-color:#ff8182}
.notice.warn{background:#fff8c5;border-color:#d4a72c}
.notice strong{display:block}
.muted{color:var(--muted)}
.chip{display:inline-block;padding:0 8px;border-radius:10px;font-size:13px;background:var(--cat,#eaeef2);border:1px solid rgba(0,0,0,.12);white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 12px}
.filters a{text-decoration:none;color:var(--fg)}
.filters a[aria-current="true"]{outline:2px solid var(--fg)}
.list-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px 16px;margin:0 0 12px}
.list-head h1{margin:0}
.list-head .count{color:var(--muted);white-space:nowrap}
.list-head a.button{margin-left:auto}
a.button{display:inline-block;background:var(--accent);color:#fff;text-decoration:none;border-radius:6px;padding:6px 16px;font-weight:600}
.table-scroll{overflow-x:auto;max-width:100%}
table.queue{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line);border-radius:8px}
table.queue th,table.queue td{text-align:left;padding:8px 12px;border-bottom:1px solid var(--line)}
table.queue th{background:var(--bg);font-weight:600;font-size:13px;color:var(--muted);white-space:nowrap}
table.queue tr:focus-within{background:#ddf4ff}
table.queue td.title a{font-weight:600;text-decoration:none;overflow-wrap:anywhere}
table.queue td.title a:focus{outline:2px solid var(--accent);outline-offset:2px}
table.queue .more{color:var(--muted);cursor:help;text-decoration:underline dotted}
.pager{display:flex;gap:16px;margin-top:12px}
.empty{padding:32px;text-align:center;color:var(--muted)}
.ad-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px 16px;margin-bottom:12px}
.ad-head h1{margin:0;overflow-wrap:anywhere}
.ad-nav{margin-left:auto;display:flex;flex-wrap:wrap;gap:4px 12px;white-space:nowrap}
.ad-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(340px,2fr);gap:16px;align-items:start}
/* The decision and the findings stay in view while a long ad scrolls; the column scrolls on its own. */
aside.side{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow-y:auto;display:flex;flex-direction:column;gap:12px;overscroll-behavior:contain}
aside.side .panel{margin:0}
@media (max-width:900px){.ad-grid{grid-template-columns:minmax(0,1fr)}aside.side{position:static;max-height:none;overflow:visible}}
.head-fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:4px 16px;background:var(--bg);border-radius:6px;padding:8px 12px;margin:0 0 12px}
.head-fields .field{margin:0}
.head-fields .field .text{font-size:15px;font-weight:600}
.field{margin:0 0 12px}
.field h3{margin:0 0 2px;font-size:13px;color:var(--muted);font-weight:600}
.field .text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0;font-size:16px}
mark{background:var(--cat,#fff8c5);color:inherit;border-bottom:2px solid rgba(0,0,0,.45);padding:1px 0}
mark mark{border-bottom-style:double;border-bottom-width:4px}
/* The finding's number, from the attribute: seen, but not part of the text a moderator selects. */
mark[data-finding]::before{content:attr(data-finding);font-size:10px;font-weight:700;vertical-align:super;line-height:0;margin-right:1px;color:var(--fg);user-select:none}
mark:target{outline:2px solid var(--fg)}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0 0;padding:8px 0 0;border-top:1px solid var(--line);font-size:13px}
ol.findings{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
ol.findings>li{border:1px solid var(--line);border-left:6px solid var(--cat,#eaeef2);border-radius:6px;padding:8px 12px;background:#fff}
ol.findings li:target{outline:2px solid var(--accent)}
.finding-head{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px}
.finding-head a.num{display:inline-block;min-width:22px;height:22px;border-radius:11px;background:var(--fg);color:#fff;text-align:center;font-size:13px;line-height:22px;font-weight:700;text-decoration:none}
ul.hits{list-style:none;margin:4px 0;padding:0;display:flex;flex-direction:column;gap:2px}
ul.hits li{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 6px}
ul.hits .quote{font-weight:600;overflow-wrap:anywhere}
ul.hits form.false-alarm,ul.hits .false-alarm-marked{margin-left:auto}
ol.findings dl{margin:4px 0 0;display:grid;grid-template-columns:auto minmax(0,1fr);gap:2px 10px;font-size:14px}
ol.findings dt{color:var(--muted);white-space:nowrap}
ol.findings dd{margin:0;overflow-wrap:anywhere}
ul.laws{list-style:none;margin:0;padding:0}
.sev-reject{color:var(--bad);font-weight:600}
.sev-review{color:var(--warn);font-weight:600}
.sev-notice{color:var(--muted);font-weight:600}
.decide{display:flex;flex-direction:column;gap:12px}
.decide form{margin:0;display:flex;flex-direction:column;gap:6px;min-width:0}
.decide form.approve{align-items:flex-start}
button.approve,button.reject{font-size:16px;padding:8px 24px;border-radius:6px;border:1px solid;cursor:pointer;font-weight:600;white-space:nowrap}
button.approve{background:var(--ok);border-color:#116329;color:#fff}
button.approve[disabled]{opacity:.6;cursor:default}
button kbd{background:transparent;color:inherit;border-color:rgba(255,255,255,.7);margin-left:4px}
button.reject{background:var(--bad);border-color:#a40e26;color:#fff}
.undo{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:6px 12px;width:100%}
.undo[hidden]{display:none}
.undo button{font:inherit;background:#fff;border:1px solid var(--warn);border-radius:6px;padding:2px 12px;cursor:pointer;font-weight:600}
.undo button kbd{border-color:var(--line)}
.reasons{display:flex;flex-direction:column;gap:4px}
.reasons button{display:flex;align-items:baseline;gap:6px;text-align:left;background:#fff;border:1px solid var(--line);border-radius:6px;padding:3px 10px;cursor:pointer;font:inherit;font-size:13px}
.reasons button kbd{border-color:var(--line);margin:0}
.reasons button:hover,.reasons button:focus{border-color:var(--bad)}
textarea{width:100%;min-height:72px;font:inherit;padding:6px 8px;border:1px solid var(--line);border-radius:6px;resize:vertical}
label.block{display:block;font-weight:600;margin:0}
.reject-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
.reject-row .muted{font-size:13px}
.signin{max-width:420px;margin:64px auto}
.signin input{width:100%;font:inherit;padding:8px;border:1px solid var(--line);border-radius:6px;margin:4px 0 12px}
.signin button{font:inherit;padding:8px 20px;border-radius:6px;border:1px solid #116329;background:var(--ok);color:#fff;cursor:pointer}
table.history{width:100%;border-collapse:collapse;background:#fff}
table.history th,table.history td{border:1px solid var(--line);padding:6px 10px;text-align:left;vertical-align:top}
table.history th{background:var(--bg);font-size:13px;white-space:nowrap}
table.history td{overflow-wrap:anywhere}
.version-diff{margin:6px 0;padding:6px 10px;background:var(--bg);border-radius:6px}
.version-diff p.diff{white-space:pre-wrap;overflow-wrap:anywhere;margin:0 0 4px}
ins{background:#dafbe1;text-decoration:none;border-bottom:2px solid #1a7f37}
del{background:#ffebe9;color:#82071e;text-decoration:line-through}
.stats-grid{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin-top:16px}
@media (max-width:900px){.stats-grid{grid-template-columns:1fr}}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;margin:0 0 16px}
.figure{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;display:flex;flex-direction:column}
.figure b{font-size:24px}
.figure .note{font-size:12px}
table.per-moderator td,table.per-moderator th{text-align:right}
table.per-moderator td:first-child,table.per-moderator th:first-child{text-align:left}
table.per-moderator td.total{font-weight:700}
svg.chart{width:100%;height:auto;font-family:inherit}
.chart-scroll{overflow-x:auto;max-width:100%}
.stats-grid>*{min-width:0}
svg.chart text{font-size:13px;fill:var(--fg)}
svg.chart .axis{stroke:var(--line)}
svg.chart rect.decision-approve{fill:#4ac26b}
svg.chart rect.decision-reject{fill:#ff8182}
svg.chart rect.decision-review{fill:#d4a72c}
ul.ways-on{padding-left:20px}
table.per-moderator{width:auto;min-width:50%}
@media (max-width:600px){
header.top{gap:4px 12px;padding:8px 12px}header.top .brand{flex:1}header.top nav{order:3;flex-basis:100%;overflow-x:auto;gap:14px}
header.top .who{max-width:9em}
main{padding:12px 10px 32px}footer.keys{display:none}
h1{font-size:19px}
.panel{padding:12px}
table.queue th,table.queue td{padding:6px 8px}
table.queue th:nth-child(4),table.queue td:nth-child(4){display:none}
.ad-nav{margin-left:0}
svg.chart{min-width:480px}
/* History as one card per event: seven columns do not fit a phone. */
table.history,table.history tbody,table.history tr,table.history td{display:block}
table.history thead{display:none}
table.history tr{border:1px solid var(--line);border-radius:8px;margin:0 0 10px;background:#fff}
table.history td{border:0;border-bottom:1px solid var(--bg);padding:4px 10px}
table.history td::before{content:attr(data-label);display:inline-block;min-width:4em;color:var(--muted);font-size:13px}
}
table.queue .flag{margin-left:6px;font-size:12px}
.chip.flag.appeal{background:#fff8c5;border-color:#d4a72c}
.chip.flag.recheck{background:#ddf4ff;border-color:#54aeff}
.chip.flag.claimed{background:#eaeef2;border-color:#8c959f}
.appeal-box{border:1px solid #d4a72c;background:#fff8c5;border-radius:6px;padding:8px 12px;margin:0 0 12px}
.appeal-box p{margin:4px 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
form.false-alarm{margin:0}
form.false-alarm button,.miss-row button,.miss-row select,.miss-row input{font:inherit;font-size:13px;background:#fff;border:1px solid var(--line);border-radius:14px;padding:1px 10px;cursor:pointer}
form.false-alarm button:hover{border-color:var(--bad);color:var(--bad)}
.false-alarm-marked{font-size:12px;background:#eaeef2}
.mark-miss{border-top:1px solid var(--line);margin-top:12px;padding-top:8px}
.mark-miss.armed{background:#ddf4ff;border-radius:6px;padding:8px}
.mark-miss h3{font-size:14px;margin:0}
.mark-miss p{margin:0 0 6px;font-size:13px}
.miss-row{display:flex;flex-wrap:wrap;gap:6px}
.miss-row input{flex:1;min-width:140px;cursor:text;border-radius:6px}
.miss-row select{max-width:100%}
.marked-misses h3{font-size:14px;margin:12px 0 4px}
.marked-misses ul{list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:4px}
table.proposals td.quote{font-weight:600;overflow-wrap:anywhere;min-width:7em}
@media (max-width:600px){table.proposals th:nth-child(4),table.proposals td:nth-child(4){display:none}table.proposals th,table.proposals td{padding:6px}}
table.proposals td.count{font-weight:600}
${categoryRules}
`;

/**
 * Keyboard shortcuts (j/k, a with an undo window, r, number keys for preset reasons, Ctrl+Enter) and a
 * guard against double submission. Nothing needs script: every action is a plain link or form, so the
 * console works with script blocked, only slower.
 */
export const CONSOLE_JS = `
'use strict';
(function () {
  function typing(el) {
    return el && el.closest && el.closest('input, textarea, select, [contenteditable]');
  }
  function go(selector) {
    var link = document.querySelector(selector);
    if (link) window.location.assign(link.href);
  }
  function moveInQueue(step) {
    var links = Array.prototype.slice.call(document.querySelectorAll('a.queue-link'));
    if (links.length === 0) return false;
    var i = links.indexOf(document.activeElement);
    var next = i < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, i + step));
    links[next].focus();
    return true;
  }
  // 通过 by key waits a few seconds before it is sent, with 撤销 (or Esc) to take it back: a moderator who
  // starts typing before focusing a box must not approve the ad. The button itself sends at once.
  var UNDO_SECONDS = 5;
  var pendingApproval = null;
  function approveSoon() {
    var form = document.getElementById('approve-form');
    var bar = document.getElementById('approve-undo');
    var button = document.getElementById('approve-button');
    if (!form || !bar || !button || pendingApproval) return;
    // Overturning the engine needs its reason first: the key takes the moderator there instead.
    var reason = document.getElementById('override-reason');
    if (reason && !reason.value.trim()) {
      reason.focus();
      return;
    }
    var left = UNDO_SECONDS;
    var count = bar.querySelector('[data-countdown]');
    count.textContent = String(left);
    bar.hidden = false;
    button.disabled = true;
    pendingApproval = window.setInterval(function () {
      left -= 1;
      count.textContent = String(left);
      if (left > 0) return;
      window.clearInterval(pendingApproval);
      pendingApproval = 'sent';
      form.requestSubmit();
    }, 1000);
  }
  function undoApproval() {
    if (!pendingApproval || pendingApproval === 'sent') return false;
    window.clearInterval(pendingApproval);
    pendingApproval = null;
    document.getElementById('approve-undo').hidden = true;
    var button = document.getElementById('approve-button');
    button.disabled = false;
    button.focus();
    return true;
  }
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('#undo-button')) undoApproval();
  });
  // A preset reason by number: it fills the reason box (to send as it is, or to add detail), it never sends.
  function presetReason(n) {
    var preset = document.querySelector('button[data-preset="' + n + '"]');
    var box = document.getElementById('reject-reason');
    if (!preset || !box) return false;
    box.value = preset.value;
    box.scrollIntoView({ block: 'center' });
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    return true;
  }
  document.addEventListener('keydown', function (e) {
    if (e.isComposing) return;
    // Ctrl+Enter (⌘+Enter) in a reason box submits that box's form, checked like a click would be.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target.form && e.target.tagName === 'TEXTAREA') {
      e.preventDefault();
      e.target.form.requestSubmit();
      return;
    }
    if (e.key === 'Escape' && undoApproval()) {
      e.preventDefault();
      return;
    }
    // e.repeat: a held-down "a" must not approve ad after ad as each next one opens.
    if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || pendingApproval) return;
    if (e.key === 'j') {
      if (!moveInQueue(1)) go('a[rel~="next"]');
    } else if (e.key === 'k') {
      if (!moveInQueue(-1)) go('a[rel~="prev"]');
    } else if (e.key === 'a') {
      approveSoon();
    } else if (e.key === 'r') {
      var reason = document.getElementById('reject-reason');
      if (!reason) return;
      e.preventDefault(); // keep the "r" out of the text box it focuses
      reason.scrollIntoView({ block: 'center' });
      reason.focus();
    } else if (/^[1-9]$/.test(e.key)) {
      if (presetReason(e.key)) e.preventDefault();
    }
  });
  // A double click sends a decision once: the second submit would only meet the 409 of the first.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.getAttribute('data-sent')) e.preventDefault();
    else form.setAttribute('data-sent', '1');
  });
  // 标记漏报: a selection inside one field of the ad fills the form with the passage and its exact offsets
  // (offsets count the field's original text, which is what the text element holds).
  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  function textOf(node) {
    var el = node.nodeType === 3 ? node.parentElement : node;
    return el && el.closest ? el.closest('[data-field] p.text') : null;
  }
  function takeSelection() {
    var form = document.getElementById('mark-miss');
    var sel = window.getSelection();
    if (!form || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    var range = sel.getRangeAt(0);
    var text = textOf(range.startContainer);
    if (!text || text !== textOf(range.endContainer)) return;
    var start = offsetIn(text, range.startContainer, range.startOffset);
    var end = offsetIn(text, range.endContainer, range.endOffset);
    if (end <= start) return;
    form.elements.field.value = text.closest('[data-field]').getAttribute('data-field');
    form.elements.passage.value = text.textContent.slice(start, end);
    form.elements.start.value = String(start);
    form.elements.end.value = String(end);
    form.classList.add('armed');
  }
  document.addEventListener('mouseup', takeSelection);
  document.addEventListener('keyup', function (e) { if (e.shiftKey) takeSelection(); });
  // A passage typed or edited by hand is looked for in the field by the server.
  document.addEventListener('input', function (e) {
    var form = e.target.form;
    if (!form || form.id !== 'mark-miss' || (e.target.name !== 'passage' && e.target.name !== 'field')) return;
    form.elements.start.value = '';
    form.elements.end.value = '';
  });
  // Coming back through the history cache, the forms are usable again.
  window.addEventListener('pageshow', function (e) {
    if (!e.persisted) return;
    document.querySelectorAll('form[data-sent]').forEach(function (f) { f.removeAttribute('data-sent'); });
    pendingApproval = null;
    var bar = document.getElementById('approve-undo');
    if (bar) bar.hidden = true;
    var button = document.getElementById('approve-button');
    if (button) button.disabled = false;
  });
})();
`;

/** A short hash of an asset's content, put in its URL so browsers can cache it for good. */
export function assetVersion(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}

export interface Asset {
  path: string;
  body: string;
  type: string;
}

/** Answers each asset at its URL (the console's and the self-check page's). */
export function serveAssets<E extends Env>(app: Hono<E>, assets: Record<string, Asset>): void {
  for (const asset of Object.values(assets)) {
    app.get(asset.path, (c) => {
      c.header('Content-Type', asset.type);
      // The URL changes with the content, so it can be cached for good.
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.body(asset.body);
    });
  }
}

export const ASSETS = {
  css: { path: `/static/console.${assetVersion(CONSOLE_CSS)}.css`, body: CONSOLE_CSS, type: 'text/css; charset=utf-8' },
  js: { path: `/static/console.${assetVersion(CONSOLE_JS)}.js`, body: CONSOLE_JS, type: 'text/javascript; charset=utf-8' },
} as const;
