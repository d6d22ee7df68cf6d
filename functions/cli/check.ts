/**
 * `hirecheck check FILE|- [--json] [--fix]` checks one ad (plain text or JSON); `hirecheck check --jsonl [--fix]`
 * streams ads from stdin, one JSON object per line, and writes one verdict (or error) per line with the same id.
 * `--fix` adds `fixed` to each verdict: the ad with every fix applied, checked again (none for fraud or fees).
 * Exit codes: 0 approve, 1 review, 2 reject, 3 usage or input error (--jsonl: 0 once every line is processed).
 * The exit code is the original ad's decision, with or without --fix.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { AD_KEYS, CheckAdSchema, FIELD_LIMITS, type Ad } from '../core/ad.js';
import { fixedVersion, type FixedVersion } from '../core/fixes/fixed-ad.js';
import type { Verdict } from '../core/verdict.js';
import { getEngine, type Engine } from '../engine.js';
import { formatFixed } from './format-fixed.js';
import { ANSI, formatVerdict, PLAIN } from './format-verdict.js';

const EXIT = { approve: 0, review: 1, reject: 2, inputError: 3 } as const;

const USAGE = 'usage: hirecheck check FILE|- [--json] [--fix]\n       hirecheck check --jsonl [--fix] < ads.jsonl\n';

/** The verdict, with `fixed` when asked for and there is something to fix. */
function report(engine: Engine, ad: Ad, fix: boolean): Verdict & { fixed?: FixedVersion } {
  const verdict = engine.check(ad);
  const fixed = fix ? fixedVersion(engine.fix(ad, verdict)) : undefined;
  return fixed ? { ...verdict, fixed } : verdict;
}

/** "description: at most 20000 characters" — the first problem, named by field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.join('.') || '(ad)'}: ${i.message}`)
    .slice(0, 3)
    .join('; ');
}

/**
 * Plain text: the first line is the title, the rest the description; a single line is the description
 * alone (as its own title too it would report every finding twice). JSON: the ad object.
 */
export function parseAdInput(raw: string): Ad {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new InputError(`not valid JSON: ${(err as Error).message}`);
    }
    const parsed = CheckAdSchema.safeParse(json);
    if (!parsed.success) throw new InputError(describeZodError(parsed.error));
    return parsed.data;
  }
  const trimmed = text.trim();
  if (!trimmed) throw new InputError('the ad is empty');
  const [first = '', ...rest] = trimmed.split('\n');
  const description = rest.join('\n').trim();
  const parsed = CheckAdSchema.safeParse(description ? { title: first.trim().slice(0, FIELD_LIMITS.title), description } : { description: first });
  if (!parsed.success) throw new InputError(describeZodError(parsed.error));
  return parsed.data;
}

export class InputError extends Error {}

/** The ad in one exported line: its known keys; `ignored` collects the rest (source, url, company…). */
function adOfLine(json: Record<string, unknown>, ignored: Set<string>): Record<string, unknown> {
  const ad: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if ((AD_KEYS as string[]).includes(key)) ad[key] = value;
    else if (key !== 'id') ignored.add(key);
  }
  return ad;
}

async function checkStream(fix: boolean): Promise<number> {
  const engine = getEngine();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const ignored = new Set<string>();
  let warned = false;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let id: unknown = null;
    let output: object;
    try {
      const json: unknown = JSON.parse(line);
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        ({ id = null } = json as { id?: unknown });
        const parsed = CheckAdSchema.safeParse(adOfLine(json as Record<string, unknown>, ignored));
        if (ignored.size && !warned) {
          warned = true;
          process.stderr.write(`hirecheck: ignoring keys that are not ad fields: ${[...ignored].join(', ')}\n`);
        }
        output = parsed.success ? { id, ...report(engine, parsed.data, fix) } : { id, line: lineNo, error: describeZodError(parsed.error) };
      } else {
        output = { id, line: lineNo, error: 'each line must be a JSON object' };
      }
    } catch (err) {
      output = { id, line: lineNo, error: `not valid JSON: ${(err as Error).message}` };
    }
    if (!process.stdout.write(`${JSON.stringify(output)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
  return 0;
}

export async function runCheck(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const files = argv.filter((a) => !a.startsWith('--') || a === '-');
  const unknown = [...flags].filter((f) => !['--json', '--jsonl', '--fix'].includes(f));
  if (unknown.length || (flags.has('--jsonl') ? files.length > 0 : files.length !== 1)) {
    process.stderr.write(unknown.length ? `unknown option ${unknown[0]}\n${USAGE}` : USAGE);
    return EXIT.inputError;
  }
  const fix = flags.has('--fix');
  if (flags.has('--jsonl')) return checkStream(fix);
  let ad: Ad;
  try {
    const raw = files[0] === '-' ? readFileSync(0, 'utf8') : readFileSync(files[0]!, 'utf8');
    ad = parseAdInput(raw);
  } catch (err) {
    const reason = err instanceof InputError ? err.message : `cannot read ${files[0]}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    process.stderr.write(`hirecheck: ${reason}\n`);
    return EXIT.inputError;
  }
  const verdict = report(getEngine(), ad, fix);
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? ANSI : PLAIN;
  if (flags.has('--json')) process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  else process.stdout.write(`${formatVerdict(ad, verdict, style)}\n${fix ? `\n${formatFixed(verdict, style)}\n` : ''}`);
  return EXIT[verdict.decision];
}
