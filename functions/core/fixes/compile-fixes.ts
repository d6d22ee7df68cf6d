/**
 * The rules' `fix` data made ready to run: the words that belong to a condition (shared ones from common.yaml
 * `fix_filler`, the operators, and the rule's own `filler` sets) as one regex per rule, and its rewrites.
 */
import { alternation } from '../lexicon/compile.js';
import { LexiconError, type Lexicon } from '../lexicon/load.js';
import type { Fix } from '../lexicon/schema.js';

export interface CompiledFix {
  replacement: string;
  inClause: Fix['inClause'];
  /** Words left beside the finding in its item that belong to the condition (年龄, 周岁, 优先, 的). */
  filler: RegExp;
  rewrites: { re: RegExp; replace: string }[];
  /** The rule's own filler words (not the shared ones) ending right before / starting right after a cut. */
  ownBefore?: RegExp;
  ownAfter?: RegExp;
  requires?: Fix['requires'];
}

/** Rule id → its fix; rules without `fix` are absent. */
export type CompiledFixes = ReadonlyMap<string, CompiledFix>;

/** Sets every condition may leave behind: the shared filler and the operators (限, 优先, 勿扰, 就行). */
const SHARED_FILLER = ['fix_filler', 'restrict', 'exclude_before', 'exclude_after', 'prefer', 'sufficient'];

export function compileFixes(lexicon: Lexicon): CompiledFixes {
  const common: Record<string, string[]> = { ...lexicon.common.sets };
  for (const vocabulary of lexicon.vocabularies) Object.assign(common, vocabulary.sets);
  const fixes = new Map<string, CompiledFix>();
  for (const file of lexicon.categories) {
    const sets = { ...common, ...file.sets };
    const where = `${file.category}.yaml`;
    for (const rule of file.rules) {
      if (!rule.fix) continue;
      const wordsOf = (names: string[]) =>
        names.flatMap((name) => {
          const list = sets[name];
          if (!list) throw new LexiconError(where, rule.id, `fix.filler: unknown set ${name}`);
          return list;
        });
      const own = wordsOf(rule.fix.filler ?? []);
      fixes.set(rule.id, {
        replacement: rule.fix.replacement,
        inClause: rule.fix.inClause,
        filler: new RegExp(alternation(wordsOf([...SHARED_FILLER, ...(rule.fix.filler ?? [])])), 'g'),
        ...(own.length ? { ownBefore: new RegExp(`${alternation(own)}+$`), ownAfter: new RegExp(`^${alternation(own)}+`) } : {}),
        rewrites: rule.fix.rewrites.map((r) => {
          try {
            return { re: new RegExp(r.regex, 'gi'), replace: r.replace };
          } catch (err) {
            throw new LexiconError(where, rule.id, `fix.rewrites: bad regex ${r.regex}: ${(err as Error).message}`);
          }
        }),
        ...(rule.fix.requires ? { requires: rule.fix.requires } : {}),
      });
    }
  }
  return fixes;
}
