/**
 * What a native binary needs from the system it loads on, read from its ELF headers with binutils'
 * `readelf`, and the check against the Lambda Node.js 22 runtime (Amazon Linux 2023).
 *
 * A binary compiled on a newer distribution can reference symbol versions (GLIBC_2.36, GLIBCXX_3.4.30…)
 * that the runtime's libraries lack; it then builds and passes tests here but fails at import in Lambda.
 */
import { execFileSync } from 'node:child_process';

export interface RequiredVersion {
  /** The shared library the symbols come from, e.g. libc.so.6. */
  library: string;
  /** e.g. GLIBC_2.34, GLIBCXX_3.4.29, CXXABI_1.3.9, GCC_4.2.0. */
  version: string;
}

export interface NativeRequirements {
  machine: string;
  libraries: string[];
  versions: RequiredVersion[];
}

/**
 * Amazon Linux 2023 (Lambda nodejs22.x): glibc 2.34 and the libstdc++/libgcc_s of GCC 11.
 * GCC 11's libstdc++ ends at GLIBCXX_3.4.29 / CXXABI_1.3.13; its libgcc_s at GCC_7.0.0.
 */
export const LAMBDA_AL2023_X86_64 = {
  name: 'Lambda nodejs22.x (Amazon Linux 2023, x86_64)',
  machine: 'Advanced Micro Devices X86-64',
  maxVersions: { GLIBC: '2.34', GLIBCXX: '3.4.29', CXXABI: '1.3.13', GCC: '7.0.0' } as Record<string, string>,
  libraries: ['libc.so.6', 'libm.so.6', 'ld-linux-x86-64.so.2', 'libpthread.so.0', 'libdl.so.2', 'librt.so.1', 'libgcc_s.so.1', 'libstdc++.so.6'],
};

export type RuntimeLimits = typeof LAMBDA_AL2023_X86_64;

/** Runs readelf on the binary; binutils must be installed. */
export function readRequirements(binaryPath: string): NativeRequirements {
  let out: string;
  try {
    out = execFileSync('readelf', ['--wide', '--file-header', '--dynamic', '--version-info', binaryPath], { encoding: 'utf8' });
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'readelf not found: install binutils' : String(err);
    throw new Error(`cannot read ${binaryPath}: ${reason}`);
  }
  return parseReadelf(out);
}

/** Parses `readelf --file-header --dynamic --version-info` output. */
export function parseReadelf(output: string): NativeRequirements {
  const machine = /^\s*Machine:\s*(.+?)\s*$/m.exec(output)?.[1] ?? 'unknown';
  const libraries = [...output.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]!);
  const versions: RequiredVersion[] = [];
  let inNeeds = false;
  let library = '';
  for (const line of output.split('\n')) {
    if (/^Version \w+ section/.test(line)) inNeeds = line.startsWith('Version needs section');
    if (!inNeeds) continue;
    const file = /File: (\S+)/.exec(line);
    if (file) library = file[1]!;
    const name = /Name: (\S+)/.exec(line);
    if (name) versions.push({ library, version: name[1]! });
  }
  return { machine, libraries, versions };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Every reason the binary would not load on the runtime; empty when it fits. */
export function findIncompatibilities(req: NativeRequirements, limits: RuntimeLimits = LAMBDA_AL2023_X86_64): string[] {
  const problems: string[] = [];
  if (req.machine !== limits.machine) problems.push(`built for ${req.machine}, the runtime is ${limits.machine}`);
  for (const lib of req.libraries) {
    if (!limits.libraries.includes(lib)) problems.push(`needs ${lib}, which the runtime does not provide`);
  }
  for (const { library, version } of req.versions) {
    const m = /^([A-Z]+)_([\d.]+)$/.exec(version);
    const max = m ? limits.maxVersions[m[1]!] : undefined;
    if (!m || max === undefined) problems.push(`needs ${version} from ${library}, a version family the check does not know`);
    else if (compareVersions(m[2]!, max) > 0) problems.push(`needs ${version} from ${library}; the runtime has at most ${m[1]}_${max}`);
  }
  return problems;
}

/** Throws with every problem listed when the binary would fail to load on the runtime. */
export function assertLoadsOn(binaryPath: string, limits: RuntimeLimits = LAMBDA_AL2023_X86_64): NativeRequirements {
  const req = readRequirements(binaryPath);
  const problems = findIncompatibilities(req, limits);
  if (problems.length > 0) {
    throw new Error(`${binaryPath} would not load on ${limits.name}:\n  - ${problems.join('\n  - ')}`);
  }
  return req;
}

/** The highest version required per family (GLIBC → 2.34 …), for reports. */
export function highestVersions(req: NativeRequirements): Record<string, string> {
  const top: Record<string, string> = {};
  for (const { version } of req.versions) {
    const m = /^([A-Z]+)_([\d.]+)$/.exec(version);
    if (!m) continue;
    const cur = top[m[1]!];
    if (cur === undefined || compareVersions(m[2]!, cur) > 0) top[m[1]!] = m[2]!;
  }
  return top;
}
