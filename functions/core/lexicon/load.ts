/**
 * Parses and validates the lexicon files. A broken lexicon fails loudly, naming the file and rule id.
 * Pure: it takes file contents; functions/adapters/lexicon-files.ts reads them from disk.
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  CategoryFileSchema,
  CommonFileSchema,
  PolicySchema,
  RolesFileSchema,
  VocabularyFileSchema,
  type CategoryFile,
  type CommonFile,
  type Policy,
  type RolesFile,
  type VocabularyFile,
} from './schema.js';
import type { RegexTrigger } from './regex-trigger.js';

export const COMMON_FILE = 'common.yaml';
export const POLICY_FILE = 'policy.yaml';
export const ROLES_FILE = 'roles.yaml';
/** Generated vocabularies (`npm run vocab`) are named vocab-*.json. */
export const isVocabularyFile = (name: string) => name.startsWith('vocab-');
/**
 * A build artifact (never committed): the parsed lexicon as JSON, written beside the YAML in deployment
 * bundles because parsing YAML is most of a cold start. It carries the version of the YAML it came from.
 */
export const SNAPSHOT_FILE = 'lexicon.snapshot.json';

export interface LexiconSource {
  name: string;
  content: string;
}

export interface Lexicon {
  /** semver from common.yaml plus a hash of every file's content: "1.0.0+3f2a9c1b7d0e". */
  version: string;
  common: CommonFile;
  policy: Policy;
  roles: RolesFile;
  vocabularies: VocabularyFile[];
  categories: CategoryFile[];
  /** Each regex's trigger by its compiled source (null: none), when derived ahead (a bundle's snapshot). */
  regexTriggers?: Record<string, RegexTrigger | null>;
}

export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly ruleId: string | undefined,
    detail: string,
  ) {
    super(`lexicon ${file}${ruleId ? ` rule ${ruleId}` : ''}: ${detail}`);
    this.name = 'LexiconError';
  }
}

export function validate<T extends z.ZodType>(schema: T, file: string, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  let ruleId: string | undefined;
  if (issue.path[0] === 'rules' && typeof issue.path[1] === 'number') {
    const rule = (raw as { rules?: { id?: unknown }[] }).rules?.[issue.path[1]];
    ruleId = typeof rule?.id === 'string' ? rule.id : `#${issue.path[1] + 1}`;
  }
  throw new LexiconError(file, ruleId, `${issue.path.join('.') || '(file)'}: ${issue.message}`);
}

function parseFile(source: LexiconSource): unknown {
  try {
    // Generated vocabularies are JSON (thousands of entries: JSON parses in a fraction of YAML's time).
    return source.name.endsWith('.json') ? JSON.parse(source.content) : parseYaml(source.content);
  } catch (err) {
    throw new LexiconError(source.name, undefined, `not valid YAML: ${(err as Error).message}`);
  }
}

export function parseLexicon(sources: LexiconSource[]): Lexicon {
  const sorted = [...sources].sort((a, b) => a.name.localeCompare(b.name));
  const find = (name: string) => {
    const s = sorted.find((f) => f.name === name);
    if (!s) throw new LexiconError(name, undefined, 'file is missing');
    return s;
  };
  const commonSource = find(COMMON_FILE);
  const common = validate(CommonFileSchema, COMMON_FILE, parseFile(commonSource));
  const policy = validate(PolicySchema, POLICY_FILE, parseFile(find(POLICY_FILE)));
  const roles = validate(RolesFileSchema, ROLES_FILE, parseFile(find(ROLES_FILE)));
  const vocabularies: VocabularyFile[] = [];
  const categories: CategoryFile[] = [];
  const seenIds = new Map<string, string>();
  const seenCategories = new Map<string, string>();
  for (const source of sorted) {
    if ([COMMON_FILE, POLICY_FILE, ROLES_FILE].includes(source.name)) continue;
    if (isVocabularyFile(source.name)) {
      vocabularies.push(validate(VocabularyFileSchema, source.name, parseFile(source)));
      continue;
    }
    const file = validate(CategoryFileSchema, source.name, parseFile(source));
    const other = seenCategories.get(file.category);
    if (other) throw new LexiconError(source.name, undefined, `category ${file.category} is already defined in ${other}`);
    seenCategories.set(file.category, source.name);
    for (const rule of file.rules) {
      const where = seenIds.get(rule.id);
      if (where) throw new LexiconError(source.name, rule.id, `duplicate rule id (also in ${where})`);
      seenIds.set(rule.id, source.name);
    }
    categories.push(file);
  }
  return { version: `${common.version}+${contentHash(sorted)}`, common, policy, roles, vocabularies, categories };
}

/** The hash part of the version: every file's name and content, in name order. */
export function contentHash(sources: LexiconSource[]): string {
  const hash = createHash('sha256');
  for (const s of [...sources].sort((a, b) => a.name.localeCompare(b.name))) {
    hash.update(s.name).update('\0').update(s.content).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

export function snapshotLexicon(lexicon: Lexicon): string {
  return JSON.stringify(lexicon);
}

