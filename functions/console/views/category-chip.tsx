/** A category's label on its colour; the same data-category attribute drives the highlight colour. */
import type { Category } from '../../core/categories.js';
import { CATEGORY_LABELS } from '../../presentation/labels.js';

export function CategoryChip({ category }: { category: Category }) {
  return (
    <span class="chip" data-category={category}>
      {CATEGORY_LABELS[category]}
    </span>
  );
}
