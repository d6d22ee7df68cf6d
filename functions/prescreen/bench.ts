/**
 * `npm run bench:prescreen`: prescreen time and peak memory for 10,000 and 20,000 rows, CSV and XLSX.
 * Each run is a fresh process so its peak RSS is its own; the engine's start-up is reported apart.
 * Goal (issue 6): 10,000 rows in under 10 s, memory not growing with the file beyond the results.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { creditCodeCheckChar } from './credit-code.js';
import { csvCell } from './report-csv.js';
import { writeChunks } from './write-file.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Job texts of realistic length: mostly clean, some with the violations a fair sees. */
const DUTIES = [
  '负责公司日常账务处理、凭证审核、报表编制与税务申报，配合年度审计工作，完善财务管理制度。',
  '参与产品需求分析与系统设计，负责后端服务开发、接口联调与性能优化，编写技术文档。',
  '负责区域客户开发与维护，完成销售目标，收集市场信息并反馈，协助组织产品推广活动。',
  '负责仓库货物的收发存管理，定期盘点，保证账实相符，维护仓储设备与现场安全。',
  '负责新媒体平台内容策划与运营，撰写推文，分析用户数据，提升品牌影响力。',
];
const REQUIREMENTS = [
  '本科及以上学历，专业不限，男女不限，五险一金，双休，带薪年假。',
  '大专及以上学历，沟通能力强，有团队合作精神，应届毕业生优先。',
  '限男性，35岁以下，身高170cm以上。',
  '入职需交押金500元，培训合格后退还。',
  '已婚已育优先，限本地户口。',
  '985、211院校毕业，形象气质佳。',
];

function creditCode(i: number): string {
  const body = String(110000 + ((i * 7919) % 540000)) + [...Array(9)].map((_, k) => ALPHABET[(i * 31 + k * 17) % 31]).join('');
  const first17 = `91${body}`;
  // One exhibitor in twenty has a mistyped code.
  return first17 + (i % 20 === 7 ? '0' : creditCodeCheckChar(first17)!);
}

function table(rows: number): string[][] {
  const out = [['单位名称', '统一社会信用代码', '岗位名称', '岗位职责', '任职要求', '薪资', '工作地点', '联系方式']];
  for (let i = 0; i < rows; i++) {
    const company = i % 400;
    out.push([
      `示例${company}号科技有限公司`,
      creditCode(company),
      `岗位${i}`,
      `${DUTIES[i % DUTIES.length]}（编号 ${i}）`,
      REQUIREMENTS[i % 7 === 0 ? 2 + (i % 4) : i % 2]!,
      `${4000 + (i % 50) * 100}-${8000 + (i % 50) * 100}元/月`,
      ['北京', '上海', '广州', '成都'][i % 4]!,
      `hr${company}@example.com`,
    ]);
  }
  return out;
}

const csvLine = (cells: string[]) => cells.map(csvCell).join(',');

async function writeInputs(dir: string, rows: number): Promise<{ csv: string; xlsx: string }> {
  const data = table(rows);
  const csv = join(dir, `fair-${rows}.csv`);
  writeFileSync(csv, '\uFEFF' + data.map(csvLine).join('\r\n'));
  // exceljs is a dev dependency: the bench is a development tool.
  const { default: ExcelJS } = await import('exceljs');
  const xlsx = join(dir, `fair-${rows}.xlsx`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const sheet = workbook.addWorksheet('岗位');
  for (const row of data) sheet.addRow(row).commit();
  await workbook.commit();
  return { csv, xlsx };
}

interface ChildReport {
  rows: number;
  startupMs: number;
  prescreenMs: number;
  reportsMs: number;
  baselineRssMiB: number;
  peakRssMiB: number;
  /** Live heap the results take once everything else is collected. */
  resultsMiB: number;
  /** Peak RSS before the reports are written. */
  peakAfterPrescreen: number;
}

const MiB = 2 ** 20;
/** Live heap after a full collection (the child runs with --expose-gc). */
function liveHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** One measured run, in its own process. */
async function child(file: string, outDir: string): Promise<void> {
  const started = performance.now();
  const { getEngine } = await import('../engine.js');
  getEngine();
  const startupMs = performance.now() - started;
  const { prescreen } = await import('./prescreen.js');
  const { htmlReport } = await import('./report-html.js');
  const { csvReport } = await import('./report-csv.js');
  const { jsonReport } = await import('./report-json.js');
  const heapBefore = liveHeap();
  const baselineRssMiB = process.memoryUsage().rss / MiB;
  const t0 = performance.now();
  const result = await prescreen({ name: file, path: file });
  const t1 = performance.now();
  const peakAfterPrescreen = process.resourceUsage().maxRSS / 1024;
  for (const [name, write] of [['r.html', htmlReport], ['r.csv', csvReport], ['r.json', jsonReport]] as const) {
    writeChunks(join(outDir, name), write(result));
  }
  const reportsMs = performance.now() - t1;
  const resultsMiB = (liveHeap() - heapBefore) / MiB;
  const report: ChildReport = {
    rows: result.summary.rows,
    startupMs,
    prescreenMs: t1 - t0,
    reportsMs,
    baselineRssMiB,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    resultsMiB: result.rows.length ? resultsMiB : 0,
    peakAfterPrescreen,
  };
  process.stdout.write(JSON.stringify(report));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hirecheck-bench-prescreen-'));
  const self = fileURLToPath(import.meta.url);
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (other work on the machine slows every figure)`);
  console.log('input   rows     size  engine start  prescreen  reports  RSS at start  peak RSS  growth  of which results  peak before reports');
  try {
    for (const rows of (process.env.ROWS ?? '10000,20000').split(',').map(Number)) {
      const inputs = await writeInputs(dir, rows);
      for (const [kind, file] of Object.entries(inputs)) {
        const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', file, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
        if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
        const m = JSON.parse(r.stdout) as ChildReport;
        const mib = (n: number) => `${n.toFixed(0)} MiB`;
        console.log(
          [
            kind.padEnd(5),
            String(m.rows).padStart(6),
            `${(statSync(file).size / MiB).toFixed(1)} MiB`.padStart(8),
            `${(m.startupMs / 1000).toFixed(1)} s`.padStart(13),
            `${(m.prescreenMs / 1000).toFixed(2)} s`.padStart(10),
            `${(m.reportsMs / 1000).toFixed(2)} s`.padStart(8),
            mib(m.baselineRssMiB).padStart(13),
            mib(m.peakRssMiB).padStart(9),
            mib(m.peakRssMiB - m.baselineRssMiB).padStart(7),
            mib(m.resultsMiB).padStart(17),
            mib(m.peakAfterPrescreen).padStart(19),
          ].join(' '),
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!);
else await main();
