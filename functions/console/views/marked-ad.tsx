/**
 * Every text field of an ad with its findings marked in place, and a legend of the categories present;
 * `children` (the console's 标记漏报 form) go between the two.
 */
import type { Child } from 'hono/jsx';
import { fieldText, TEXT_FIELDS, type Ad } from '../../core/ad.js';
import { fieldLabel } from '../../presentation/labels.js';
import { CategoryChip } from './category-chip.js';
import { MarkedText, type NumberedFinding } from './marked-text.js';

/** The categories present, as chips: the key to the marks' colours. */
export function Legend({ findings }: { findings: readonly NumberedFinding[] }) {
  const present = [...new Set(findings.map((f) => f.category))];
  return present.length > 0 ? (
    <div class="legend" aria-label="图例">
      图例：
      {present.map((c) => (
        <CategoryChip category={c} />
      ))}
    </div>
  ) : null;
}

export function MarkedAd({ ad, findings, children }: { ad: Ad; findings: NumberedFinding[]; children?: Child }) {
  return (
    <>
      {TEXT_FIELDS.map((field) => {
        const text = fieldText(ad, field);
        return text ? (
          <div class="field" data-field={field}>
            <h3>{fieldLabel(field)}</h3>
            <MarkedText text={text} findings={findings.filter((f) => f.field === field)} />
          </div>
        ) : null;
      })}
      {children}
      <Legend findings={findings} />
    </>
  );
}
