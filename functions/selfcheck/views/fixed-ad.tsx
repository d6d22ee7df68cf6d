/**
 * The fixed ad (element `#fixed`): the decision it would get, what changed against the original (deletions and
 * insertions, numbered like the findings), and its full text to copy. Every piece is a JSX text child, escaped.
 */
import { fieldText, TEXT_FIELDS, type Ad } from '../../core/ad.js';
import type { FixedCheck } from '../../core/fixes/fixed-ad.js';
import type { Finding, FixEdit } from '../../core/verdict.js';
import { fieldLabel } from '../../presentation/labels.js';
import { DECISION_TEXT } from '../labels.js';

/** The field's original text with each fix shown in place: what goes struck through, what comes in marked. */
function FixDiff({ text, fixes }: { text: string; fixes: { fix: FixEdit; number: number }[] }) {
  const pieces = [];
  let pos = 0;
  for (const { fix, number } of fixes) {
    pieces.push(text.slice(pos, fix.start));
    if (fix.end > fix.start) pieces.push(<del data-finding={String(number)}>{text.slice(fix.start, fix.end)}</del>);
    if (fix.replacement) pieces.push(<ins data-finding={String(number)}>{fix.replacement}</ins>);
    pos = fix.end;
  }
  pieces.push(text.slice(pos));
  return <p class="diff">{pieces}</p>;
}

/** The fixed ad as one text to paste: the title on the first line, then the description (and any other field). */
export function fixedAdText(ad: Ad): string {
  return TEXT_FIELDS.flatMap((field) => {
    const text = fieldText(ad, field);
    return text ? [text] : [];
  }).join('\n');
}

export function FixedAd(props: { ad: Ad; findings: Finding[]; fixed: FixedCheck }) {
  const { ad, findings, fixed } = props;
  const changed = TEXT_FIELDS.flatMap((field) => {
    const text = fieldText(ad, field);
    const fixes = findings
      .map((f, i) => ({ f, number: i + 1 }))
      .filter(({ f }) => f.field === field && f.fix && (f.fix.end > f.fix.start || f.fix.replacement))
      .map(({ f, number }) => ({ fix: f.fix!, number }))
      .sort((a, b) => a.fix.start - b.fix.start);
    return text && fixes.length ? [{ field, text, fixes }] : [];
  });
  const left = fixed.verdict.findings;
  const text = fixedAdText(fixed.ad);
  return (
    <section id="fixed" class="panel" aria-label="修改后的广告">
      <h2>修改后的广告</h2>
      <p class="verdict">
        修改后的广告将：<span class={`decision ${fixed.verdict.decision}`}>{DECISION_TEXT[fixed.verdict.decision]}</span>
        {left.length ? <span class="muted">仍有 {left.length} 处需要您自行修改：{left.map((f) => `「${f.text}」`).join('、')}</span> : null}
      </p>
      <h3>改动</h3>
      {changed.map(({ field, text, fixes }) => (
        <div class="field" data-field={field}>
          <h3>{fieldLabel(field)}</h3>
          <FixDiff text={text} fixes={fixes} />
        </div>
      ))}
      <label class="block" for="fixed-text">
        修改后全文
      </label>
      <textarea id="fixed-text" readonly rows={Math.min(20, Math.max(3, text.split('\n').length + 1))}>
        {text}
      </textarea>
      <div class="copy-row">
        <button type="button" class="secondary" id="copy-fixed" hidden>
          复制修改后的广告
        </button>
        <span id="copy-status" role="status" aria-live="polite" class="muted"></span>
      </div>
    </section>
  );
}
