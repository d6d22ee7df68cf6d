/**
 * `hirecheck prescreen FILE --out report.html [--csv results.csv] [--json results.json] [--fair-name …]`: the campus-fair
 * prescreen of a spreadsheet (CSV, GBK CSV, XLSX, JSONL). Draws a progress bar on stderr when it is a
 * terminal, then prints one summary line. Exit codes: 0 done (whatever the findings), 3 usage or input error.
 */
import { accessSync, constants } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { ENCODING_NAMES } from '../prescreen/decode-text.js';
import { PrescreenInputError } from '../prescreen/errors.js';
import { parseMapOption, type ColumnTarget } from '../prescreen/header-map.js';
import { letterDetails } from '../prescreen/letter-details.js';
import { prescreen } from '../prescreen/prescreen.js';
import { csvReport } from '../prescreen/report-csv.js';
import { htmlReport } from '../prescreen/report-html.js';
import { jsonReport } from '../prescreen/report-json.js';
import type { InputFormat, LetterDetails, PrescreenResult } from '../prescreen/types.js';
import { writeChunks } from '../prescreen/write-file.js';
import { progressBar } from './progress-bar.js';

const EXIT = { ok: 0, inputError: 3 } as const;

const USAGE = `usage: hirecheck prescreen FILE --out report.html [--csv results.csv] [--json results.json]
  FILE                 .csv (UTF-8 or GBK), .xlsx, .jsonl or .json: one job ad per row
  --out FILE           the HTML report (self-contained, printable, one section per exhibitor)
  --csv FILE           one line per job, for Excel (UTF-8 with BOM)
  --json FILE          { summary, exhibitors, rows, errors, duplicates }
  --fair-name NAME     the fair's name, on every letter (e.g. "2026 春季校园双选会")
  --contact TEXT       whom exhibitors contact about their letter (e.g. "就业指导中心 王老师 0571-8888 8888")
  --deadline DATE      the day corrections are due, YYYY-MM-DD
  --map 列名=field     map a column by header, letter or number; fields: company, creditCode, title,
                       description, salary, location, contact, gender, age, education, hukou,
                       headcount, validUntil, companyIntro, ignore (repeatable)
  --format FMT         csv | xlsx | jsonl | json (default: from the file)
  --encoding ENC       utf-8 | gbk (default: detected)
  --quiet              no progress bar
`;

const FORMATS: readonly InputFormat[] = ['csv', 'xlsx', 'jsonl', 'json'];

class UsageError extends Error {}

interface Options {
  file: string;
  outputs: { path: string; write: (r: PrescreenResult) => Iterable<string> }[];
  map: Map<string, ColumnTarget>;
  format?: InputFormat;
  encoding?: keyof typeof ENCODING_NAMES;
  letter: LetterDetails;
  quiet: boolean;
}

function parse(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        csv: { type: 'string' },
        json: { type: 'string' },
        map: { type: 'string', multiple: true },
        format: { type: 'string' },
        encoding: { type: 'string' },
        'fair-name': { type: 'string' },
        contact: { type: 'string' },
        deadline: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('');
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one FILE expected, got ${positionals.length}` : 'FILE is missing');
  if (!values.out && !values.csv && !values.json) throw new UsageError('name at least one output: --out report.html, --csv or --json');
  const format = values.format?.toLowerCase() as InputFormat | undefined;
  if (format && !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const encoding = values.encoding?.toLowerCase();
  if (encoding && !ENCODING_NAMES[encoding]) throw new UsageError(`--encoding must be utf-8 or gbk`);
  const map = new Map<string, ColumnTarget>();
  for (const m of values.map ?? []) {
    try {
      map.set(...parseMapOption(m));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  let letter: LetterDetails;
  try {
    letter = letterDetails({ fairName: values['fair-name'], contact: values.contact, deadline: values.deadline });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^(fairName|contact|deadline)/, (name) => `--${name === 'fairName' ? 'fair-name' : name}`));
  }
  const outputs: Options['outputs'] = [];
  if (values.out) outputs.push({ path: values.out, write: htmlReport });
  if (values.csv) outputs.push({ path: values.csv, write: csvReport });
  if (values.json) outputs.push({ path: values.json, write: jsonReport });
  return { file: positionals[0]!, outputs, map, format, encoding, letter, quiet: !!values.quiet };
}

function summaryLine(r: PrescreenResult, written: string[]): string {
  const s = r.summary;
  return (
    `prescreen ${s.source}: ${s.rows} rows, ${s.checked} checked (${s.decisions.approve} approve, ${s.decisions.review} review, ${s.decisions.reject} reject), ` +
    `${s.errors} bad rows; exhibitors ${s.exhibitors.total}: ${s.exhibitors.pass} pass, ${s.exhibitors.fix} to fix, ${s.exhibitors.refuse} refused; ` +
    `credit codes of exhibitors ${s.creditCodes.invalid} invalid, ${s.creditCodes.missing} missing; ${s.duplicates} duplicates; ` +
    `${(s.durationMs / 1000).toFixed(1)} s → ${written.join(', ')}`
  );
}

export async function runPrescreen(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parse(argv);
  } catch (err) {
    const message = (err as Error).message;
    process.stderr.write(message ? `hirecheck prescreen: ${message}\n${USAGE}` : USAGE);
    return message ? EXIT.inputError : EXIT.ok;
  }
  // A missing output directory is found before a long run, not after it.
  for (const { path } of options.outputs) {
    try {
      accessSync(dirname(path), constants.W_OK);
    } catch (err) {
      process.stderr.write(`hirecheck prescreen: cannot write ${path}: ${(err as NodeJS.ErrnoException).code}\n`);
      return EXIT.inputError;
    }
  }
  const bar = !options.quiet && process.stderr.isTTY ? progressBar(process.stderr, '预审 prescreen') : undefined;
  let result: PrescreenResult;
  try {
    result = await prescreen(
      { name: basename(options.file), path: options.file },
      {
        format: options.format,
        encoding: options.encoding ? { encoding: ENCODING_NAMES[options.encoding]!, bom: 0 } : undefined,
        map: options.map,
        letter: options.letter,
        onProgress: bar && ((rows, fraction) => bar.update(fraction, `${rows} rows`)),
      },
    );
  } catch (err) {
    bar?.clear();
    const code = (err as NodeJS.ErrnoException).code;
    const reason = err instanceof PrescreenInputError ? err.message : code ? `cannot read ${options.file}: ${code}` : undefined;
    if (!reason) throw err;
    process.stderr.write(`hirecheck prescreen: ${reason}\n`);
    return EXIT.inputError;
  }
  bar?.clear();
  for (const { path, write } of options.outputs) {
    try {
      writeChunks(path, write(result));
    } catch (err) {
      process.stderr.write(`hirecheck prescreen: cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return EXIT.inputError;
    }
  }
  process.stdout.write(`${summaryLine(result, options.outputs.map((o) => o.path))}\n`);
  return EXIT.ok;
}
