/** Every text field of an ad with its findings marked in place, and a legend of the categories present. */
import { fieldText, TEXT_FIELDS, type Ad } from '../../core/ad.js';
import { FIELD_LABELS } from '../labels.js';
import { CategoryChip } from './category-chip.js';
import { MarkedText, type NumberedFinding } from './marked-text.js';

export function MarkedAd({ ad, findings }: { ad: Ad; findings: NumberedFinding[] }) {
  const present = [...new Set(findings.map((f) => f.category))];
  return (
    <>
      {TEXT_FIELDS.map((field) => {
        const text = fieldText(ad, field);
        return text ? (
          <div class="field" data-field={field}>
            <h3>{FIELD_LABELS[field] ?? field}</h3>
            <MarkedText text={text} findings={findings.filter((f) => f.field === field)} />
          </div>
        ) : null;
      })}
      {present.length > 0 ? (
        <div class="legend" aria-label="图例">
          图例：
          {present.map((c) => (
            <CategoryChip category={c} />
          ))}
        </div>
      ) : null}
    </>
  );
}
