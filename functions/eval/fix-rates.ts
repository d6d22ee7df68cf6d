/**
 * How well fixes fix (`npm run eval -- --fix`), over ads with or without labels:
 * - fixable: flagged ads (a finding that is more than a notice) whose every such finding carries a fix (so none of
 *   fraud or fees, and none the learned model reports: it names a clause for a person to read);
 * - gone: of those, ads whose fixed version has no finding of a category the original had; `labelled gone`
 *   also asks that none of the labelled evidence of those categories is left in the text (it fails where the
 *   engine missed a condition: a fix can only remove what was found);
 * - kept: of those, ads whose fixed title and description keep at least 70% of the original characters; and, as
 *   a check that fixes leave the rest of the ad alone, at least 70% of the characters outside the findings;
 * - out of reach: of those, ads whose labelled evidence alone covers more than 30% of their characters (short posts
 *   that are mostly conditions): no fix can both remove it and keep 70%;
 * - clean: flagged ads whose fixed version is approved.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CorpusLabelSchema } from './corpus.js';
import { applyFixes } from '../core/fixes/fixed-ad.js';
import type { Finding } from '../core/verdict.js';
import type { Engine } from '../engine.js';

/** A labelled corpus line (`text`) or a real-ad line (`description`, no labels). */
const FixSampleSchema = z
  .object({
    id: z.string(),
    title: z.string().optional(),
    text: z.string().optional(),
    description: z.string().optional(),
    labels: z.array(CorpusLabelSchema).optional(),
  })
  // Text evidence only: what an ad lacks (incomplete) is not something a fix removes.
  .transform((a) => ({ id: a.id, title: a.title ?? '', text: a.text ?? a.description ?? '', labels: a.labels?.flatMap((l) => ('evidence' in l ? [l] : [])) }));
export type FixSample = z.output<typeof FixSampleSchema>;

export function readFixSamples(path: string): FixSample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => FixSampleSchema.parse(JSON.parse(line)))
    .filter((a) => a.text.trim());
}

export const KEPT_AT_LEAST = 0.7;

export interface FixRates {
  ads: number;
  flagged: number;
  fixable: number;
  gone: number;
  labelledGone: number;
  kept: number;
  keptOutside: number;
  keptOutOfReach: number;
  /** Flagged ads (fixable or not) whose fixed version is approved. */
  clean: number;
  notGone: { id: string; detail: string }[];
  notKept: { id: string; kept: number }[];
}

export function fixRates(samples: readonly FixSample[], engine: Pick<Engine, 'check' | 'fix'>): FixRates {
  const rates: FixRates = { ads: samples.length, flagged: 0, fixable: 0, gone: 0, labelledGone: 0, kept: 0, keptOutside: 0, keptOutOfReach: 0, clean: 0, notGone: [], notKept: [] };
  for (const sample of samples) {
    const ad = { title: sample.title, description: sample.text };
    const verdict = engine.check(ad);
    // Notices (an element the ad lacks) inform and hold nothing back: they are not problems a fix must remove.
    const problems = verdict.findings.filter((f) => f.severity !== 'notice');
    if (!problems.length) continue;
    rates.flagged++;
    const fixed = engine.fix(ad, verdict);
    if (fixed?.verdict.decision === 'approve') rates.clean++;
    if (!fixed || !problems.every((f) => f.fix)) continue;
    rates.fixable++;
    const categories = new Set(problems.map((f) => f.category));
    const left = fixed.verdict.findings.filter((f) => categories.has(f.category)).map((f) => `${f.category}「${f.text}」`);
    const description = fixed.ad.description;
    const evidence = (sample.labels ?? []).filter((l) => categories.has(l.category) && stillSays(ad.description, description, problems, l.evidence)).map((l) => `${l.category}「${l.evidence}」 still in the text`);
    if (left.length === 0) rates.gone++;
    if (left.length + evidence.length === 0) rates.labelledGone++;
    else rates.notGone.push({ id: sample.id, detail: [...left, ...evidence].join('; ') });
    const kept = ((fixed.ad.title ?? '').length + description.length) / (ad.title.length + ad.description.length);
    if (kept >= KEPT_AT_LEAST) rates.kept++;
    else rates.notKept.push({ id: sample.id, kept });
    if (keptOutsideFindings(ad, verdict.findings) >= KEPT_AT_LEAST) rates.keptOutside++;
    if (evidenceShare(sample) > 1 - KEPT_AT_LEAST) rates.keptOutOfReach++;
  }
  return rates;
}

/**
 * Whether the fixed description still holds `evidence` in the employer's own words: an occurrence touching a
 * fix's wording does not count (性别：男女不限 holds 性别：男 and says no sex).
 */
function stillSays(original: string, fixed: string, findings: readonly Finding[], evidence: string): boolean {
  const edits = findings.flatMap((f) => (f.field === 'description' && f.fix ? [{ ...f.fix, replacement: WORDING.repeat(f.fix.replacement.length) }] : []));
  const text = fixed === original ? original : applyFixes(original, edits);
  for (let at = text.indexOf(evidence); at >= 0; at = text.indexOf(evidence, at + 1)) {
    if (text[at - 1] !== WORDING && text[at + evidence.length] !== WORDING) return true;
  }
  return false;
}
const WORDING = '\u0000';

/** The share of the ad's characters (title and text) inside some labelled evidence in the text. */
function evidenceShare(sample: FixSample): number {
  const covered = new Uint8Array(sample.text.length);
  for (const { evidence } of sample.labels ?? []) {
    for (let at = sample.text.indexOf(evidence); at >= 0; at = sample.text.indexOf(evidence, at + 1)) covered.fill(1, at, at + evidence.length);
  }
  return covered.reduce((n, c) => n + c, 0) / (sample.title.length + sample.text.length || 1);
}

/** The share of the characters outside every finding that no fix deletes or replaces. */
function keptOutsideFindings(ad: { title: string; description: string }, findings: readonly Finding[]): number {
  let outside = 0;
  let kept = 0;
  for (const field of ['title', 'description'] as const) {
    const own = findings.filter((f) => f.field === field);
    for (let i = 0; i < ad[field].length; i++) {
      if (own.some((f) => i >= f.start && i < f.end)) continue;
      outside++;
      if (!own.some((f) => f.fix && i >= f.fix.start && i < f.fix.end)) kept++;
    }
  }
  return outside ? kept / outside : 1;
}

const share = (n: number, of: number) => `${n}/${of} (${of ? ((100 * n) / of).toFixed(1) : '–'}%)`;

export function formatFixRates(title: string, r: FixRates, detail: boolean): string {
  const lines = [
    `== ${title}: fixes ==`,
    `flagged ads: ${r.flagged} of ${r.ads}; fixable (every finding has a fix): ${r.fixable}`,
    `restrictive text gone: ${share(r.gone, r.fixable)} (found), ${share(r.labelledGone, r.fixable)} (labelled)`,
    `kept >= ${KEPT_AT_LEAST * 100}% of the text: ${share(r.kept, r.fixable)}; of the text outside the findings: ${share(r.keptOutside, r.fixable)}; out of reach (labelled conditions over ${100 - KEPT_AT_LEAST * 100}% of the ad): ${r.keptOutOfReach}`,
    `approved after --fix: ${share(r.clean, r.flagged)} of flagged ads`,
  ];
  if (detail) {
    for (const n of r.notGone) lines.push(`  NOT GONE    ${n.id}: ${n.detail}`);
    for (const n of r.notKept) lines.push(`  NOT KEPT    ${n.id}: ${(100 * n.kept).toFixed(0)}% kept`);
  }
  return lines.join('\n');
}

/** Several corpora's rates as one (the ads' lists of misses joined). */
export function pooledRates(all: readonly FixRates[]): FixRates {
  const sum = (key: Exclude<keyof FixRates, 'notGone' | 'notKept'>) => all.reduce((n, r) => n + r[key], 0);
  return {
    ads: sum('ads'),
    flagged: sum('flagged'),
    fixable: sum('fixable'),
    gone: sum('gone'),
    labelledGone: sum('labelledGone'),
    kept: sum('kept'),
    keptOutside: sum('keptOutside'),
    keptOutOfReach: sum('keptOutOfReach'),
    clean: sum('clean'),
    notGone: all.flatMap((r) => r.notGone),
    notKept: all.flatMap((r) => r.notKept),
  };
}

export function formatFixSummary(rows: [string, FixRates][]): string {
  const lines = ['corpus                                   ads  flagged  fixable   gone  labelled gone  kept >=70%  out of reach  outside findings  approved after fix'];
  const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '–');
  for (const [name, r] of [...rows, ['all together', pooledRates(rows.map(([, r]) => r))] as [string, FixRates]]) {
    lines.push(
      `${name.padEnd(38)} ${String(r.ads).padStart(5)}  ${String(r.flagged).padStart(7)}  ${String(r.fixable).padStart(7)}  ${pct(r.gone, r.fixable).padStart(6)}  ${pct(r.labelledGone, r.fixable).padStart(13)}  ${pct(r.kept, r.fixable).padStart(10)}  ${String(r.keptOutOfReach).padStart(12)}  ${pct(r.keptOutside, r.fixable).padStart(16)}  ${pct(r.clean, r.flagged).padStart(18)}`,
    );
  }
  return lines.join('\n');
}
