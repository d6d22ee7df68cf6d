/**
 * Duplicates across a batch: the same ad posted twice by one exhibitor, one company name under two credit
 * codes, one credit code under two names (a borrowed licence). Only hashes and row numbers are kept.
 */
import { createHash } from 'node:crypto';
import type { Duplicate } from './types.js';

/** Width, case, spaces and punctuation do not make an ad different. */
export function normalizeAdText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** "某某科技（北京）有限公司" and "某某科技(北京)有限公司 " are one name. */
export function normalizeCompanyName(name: string): string {
  return name.normalize('NFKC').replace(/\s/g, '').toLowerCase();
}

export class DuplicateFinder {
  private readonly ads = new Map<string, number[]>();
  private readonly codesByName = new Map<string, { name: string; codes: Map<string, number[]> }>();
  private readonly namesByCode = new Map<string, Map<string, { name: string; rows: number[] }>>();

  add(row: number, company: { name?: string; code?: string }, title: string, description: string): void {
    const name = company.name ? normalizeCompanyName(company.name) : '';
    const owner = name || company.code || '';
    const hash = createHash('sha1').update(`${owner}\u0000${normalizeAdText(title)}\u0000${normalizeAdText(description)}`).digest('base64');
    push(this.ads, hash, row);
    if (!name || !company.code) return;
    const byName = this.codesByName.get(name) ?? { name: company.name!.trim(), codes: new Map() };
    push(byName.codes, company.code, row);
    this.codesByName.set(name, byName);
    const byCode = this.namesByCode.get(company.code) ?? new Map();
    const entry = byCode.get(name) ?? { name: company.name!.trim(), rows: [] };
    entry.rows.push(row);
    byCode.set(name, entry);
    this.namesByCode.set(company.code, byCode);
  }

  /** The single code a company name is given with, so its rows without a code join the same exhibitor. */
  onlyCodeOf(name: string): string | undefined {
    const codes = this.codesByName.get(normalizeCompanyName(name))?.codes;
    return codes?.size === 1 ? [...codes.keys()][0] : undefined;
  }

  results(): Duplicate[] {
    const found: Duplicate[] = [];
    for (const rows of this.ads.values()) if (rows.length > 1) found.push({ kind: 'same_ad', rows, detail: '' });
    for (const { name, codes } of this.codesByName.values()) {
      if (codes.size > 1) found.push({ kind: 'company_two_codes', rows: [...codes.values()].flat().sort((a, b) => a - b), detail: `${name}：${[...codes.keys()].join('、')}` });
    }
    for (const [code, names] of this.namesByCode) {
      if (names.size > 1) {
        const list = [...names.values()];
        found.push({ kind: 'code_two_names', rows: list.flatMap((n) => n.rows).sort((a, b) => a - b), detail: `${code}：${list.map((n) => n.name).join('、')}` });
      }
    }
    return found.sort((a, b) => a.rows[0]! - b.rows[0]!);
  }
}

function push<K>(map: Map<K, number[]>, key: K, row: number): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}
