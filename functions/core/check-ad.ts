/**
 * The engine: normalise → tokenize → match → decide. Pure: no I/O, no environment, no clock
 * unless `now` is left to default.
 */
import { fieldText, TEXT_FIELDS, type Ad } from './ad.js';
import { analyzeField, type FieldAnalysis } from './analysis/field-analysis.js';
import { neutralNextTo } from './analysis/constructions.js';
import { adRole, clearingRole, OPERATOR_TAG, RESTRICT_TAG } from './analysis/roles.js';
import { ATTRIBUTE_CATEGORIES, type Category, type Severity } from './categories.js';
import { decide } from './decide.js';
import type { CompiledLexicon, CompiledRule } from './lexicon/compile.js';
import { exceptionApplies, matchRule, matchRuleAcrossFields, openMatchers, rawFinding, type RawFinding } from './match.js';
import { attachFixes, hasContent } from './fixes/attach-fixes.js';
import { parsePay } from './salary/parse-pay.js';
import { normalize, toOriginalRange } from './normalize.js';
import type { Tokenizer } from './tokenizer.js';
import type { Finding, Verdict } from './verdict.js';
import type { ClauseModel } from './model/clause-model.js';
import { secondOpinion } from './model/second-opinion.js';
import { WHOLE_AD } from './detectors/types.js';
import { bracketAround } from './segments.js';
import { withdrawnAt, withdrawnCategories } from './analysis/withdrawals.js';
import { CONDITION_PATHS } from './lexicon/schema.js';
import { conditionHolds, conditionValue } from './structured/conditions.js';
import { ELEMENT_NAMES } from './structured/elements.js';

/** What an ad lacks, in the law's words (公司基本情况、招聘人数). */
function namesOf(missing: readonly string[]): string {
  let names = '';
  for (const m of missing) names += (names ? '、' : '') + (ELEMENT_NAMES[m] ?? m);
  return names;
}

export interface EngineDeps {
  lexicon: CompiledLexicon;
  tokenizer: Tokenizer;
  /** The learned second opinion, when the deployment keeps it on. */
  model?: ClauseModel;
  /** The verdicts' lexiconVersion: the lexicons' version, and the model's hash when it is on. */
  version: string;
}

function severityOf(rule: CompiledRule, adText: string): Severity {
  if (rule.severity === 'reject' && rule.downgradeWhen.length && exceptionApplies(adText, 0, adText.length, rule.downgradeWhen)) {
    return 'review';
  }
  return rule.severity;
}

/** Only words: no punctuation or space between the phrase and what a construction adds to it… */
const GLUED = /^[\u3400-\u9fffa-z0-9]*$/;
/** …except list joiners before it, where the construction adds the list's first items (怀孕的、哺乳期的暂不考虑). */
const GLUED_BEFORE = /^[\u3400-\u9fffa-z0-9、/]*$/;

/**
 * Keeps one finding per category and overlapping span: a specific rule's before a construction's, then the
 * longest, then one that names what it compared. Where a rule's construction adds an operator glued to the
 * rule's own phrase (限本地户口 against 本地户口), the longer span is kept: it shows the whole condition. A label
 * before a colon (要求：女性) is not part of the condition.
 */
function dedupe(raw: RawFinding[], texts: ReadonlyMap<string, string>): RawFinding[] {
  const sorted = [...raw].sort(
    (a, b) =>
      Number(a.generic ?? false) - Number(b.generic ?? false) ||
      b.end - b.start - (a.end - a.start) ||
      // on the same words, a detector's finding that names what it compared (正文“月入过万”，薪资字段最高5000元/月) says more
      Number(a.note === undefined) - Number(b.note === undefined) ||
      a.field.localeCompare(b.field) ||
      a.start - b.start,
  );
  const kept: RawFinding[] = [];
  const overlaps = (k: RawFinding, f: RawFinding) => k.field === f.field && k.rule.category === f.rule.category && k.start < f.end && f.start < k.end;
  for (const f of sorted) {
    const i = kept.findIndex((k) => overlaps(k, f));
    if (i < 0) kept.push(f);
    else if (
      kept[i]!.rule === f.rule &&
      f.start <= kept[i]!.start &&
      f.end >= kept[i]!.end &&
      gluedTo(texts.get(f.field)!, f, kept[i]!) &&
      // the longer span may not reach into another kept finding (须为985、211院校全日制 beside 全日制本科)
      kept.every((k, j) => j === i || !overlaps(k, f))
    ) {
      kept[i] = f;
    }
  }
  return kept;
}

const gluedTo = (text: string, outer: RawFinding, inner: RawFinding) =>
  GLUED_BEFORE.test(text.slice(outer.start, inner.start)) && GLUED.test(text.slice(inner.end, outer.end));


/**
 * Fields that hold a proper name: an attribute word inside one is part of the name (季华五路, 男装有限公司), not
 * a condition on people. Region stays: a hukou condition is sometimes written into the place (本市（限本市户籍）).
 */
const NAME_FIELDS = new Set(['location', 'company.name']);

/** Findings come field by field in this order: the text fields, the structured conditions, the whole ad. */
const FIELD_ORDER = new Map<string, number>([...TEXT_FIELDS, ...CONDITION_PATHS, WHOLE_AD].map((f, i) => [f, i]));

/** The bracket around [start, end) when it holds an operator of its own (男女不限（男的多要几个）): a condition aside. */
function operatorAside(a: FieldAnalysis, start: number, end: number): [number, number] | undefined {
  const bracket = bracketAround(a.n.text, start, end);
  return bracket && a.hitsIn(bracket[0], bracket[1]).some((h) => h.tags.has(OPERATOR_TAG) || h.tags.has(RESTRICT_TAG)) ? bracket : undefined;
}

/**
 * A hit stands unless it is an attribute inside a name, the rule's exceptions apply, a neutral word cancels it,
 * or the clause's role clears its category.
 */
function keep(a: FieldAnalysis, rule: CompiledRule, start: number, end: number, lexicon: CompiledLexicon): boolean {
  if (NAME_FIELDS.has(a.field) && ATTRIBUTE_CATEGORIES.has(rule.category) && rule.category !== 'region') return false;
  if (exceptionApplies(a.n.text, start, end, rule.exceptions, () => operatorAside(a, start, end))) return false;
  // a neutral word may close a list of the attribute's peers after it (后生仔、靓女、阿叔阿姐都欢迎): look further after than before
  if (ATTRIBUTE_CATEGORIES.has(rule.category) && neutralNextTo(a.n.text, a.hitsIn(Math.max(0, start - 8), end + 16), start, end, lexicon.neutral)) return false;
  return !clearingRole(a, start, end, rule.category, lexicon.roles);
}

/** The field states a pay (a `salary` field, 底薪3000+提成 in the text) other than in its pay findings. */
function statesPayIn(a: FieldAnalysis, original: string, payFindings: readonly { field: string; start: number; end: number }[]): boolean {
  if (a.field === 'salary') return hasContent(original);
  let rest = a.n.text;
  for (const f of payFindings) if (f.field === a.field) rest = rest.slice(0, f.start) + ' '.repeat(f.end - f.start) + rest.slice(f.end);
  return parsePay(rest).length > 0;
}

export function checkAd(ad: Ad, deps: EngineDeps, now: Date = new Date()): Verdict {
  const { lexicon, tokenizer } = deps;
  const fields: FieldAnalysis[] = [];
  const originals = new Map<string, string>();
  for (const field of TEXT_FIELDS) {
    const text = fieldText(ad, field);
    if (!text) continue;
    originals.set(field, text);
    fields.push(analyzeField(field, normalize(text, lexicon.variants), lexicon, tokenizer));
  }
  // A job-seeker's post describes its writer: what it says of them is imposed on no one.
  const wholeAd = adRole(fields, lexicon.roles);
  // A reply that drops some of its quoted draft's conditions (年龄那条删掉): they no longer hold in the quotes.
  const withdrawn = withdrawnCategories(fields.map((f) => f.n.text), lexicon.withdrawals);
  const dropped = (a: FieldAnalysis, category: Category, start: number) => withdrawn.has(category) && withdrawnAt(a.n.text, start, category, lexicon.withdrawals);
  const stands = (a: FieldAnalysis, rule: CompiledRule, start: number, end: number) =>
    !wholeAd?.clears(rule.category) && !dropped(a, rule.category, start) && keep(a, rule, start, end, lexicon);
  const raw: RawFinding[] = [];
  for (const a of fields) {
    const open = openMatchers(a, lexicon.gates);
    for (const rule of lexicon.rules) {
      for (const parts of matchRule(a, rule, open)) if (parts.every((p) => stands(a, rule, p.start, p.end))) raw.push(...parts);
    }
  }
  const byField = new Map(fields.map((f) => [f.field, f]));
  for (const rule of lexicon.adScenarioRules) {
    for (const parts of matchRuleAcrossFields(fields, rule)) if (parts.every((p) => stands(byField.get(p.field)!, rule, p.start, p.end))) raw.push(...parts);
  }

  const adText = fields.map((f) => f.n.text).join('\n');
  const categoriesFound = new Set<Category>(raw.map((r) => r.rule.category));
  for (const rule of lexicon.rules) {
    for (const matcher of rule.matchers) {
      if (matcher.kind !== 'detector') continue;
      for (const hit of matcher.detector({ fields, adText, categoriesFound, ad, now, policy: lexicon.policy }, matcher.params)) {
        if (hit.field === WHOLE_AD || stands(byField.get(hit.field)!, rule, hit.start, hit.end)) raw.push(rawFinding(rule, hit));
      }
    }
  }

  const kept = dedupe(raw, new Map(fields.map((f) => [f.field, f.n.text])));
  /** A finding at [start, end) of a field's normalised text, or on the whole ad or a structured value (`text` given). */
  const toFinding = (rule: CompiledRule, field: string, start: number, end: number, value?: string): Finding => {
    const [s, e] = value !== undefined ? [0, value.length] : toOriginalRange(byField.get(field)!.n, start, end);
    const finding: Finding = {
      ruleId: rule.rule.id,
      category: rule.category,
      severity: severityOf(rule, adText),
      field,
      start: s,
      end: e,
      text: value ?? originals.get(field)!.slice(s, e),
      message: rule.rule.message,
      legalBasis: rule.rule.legal,
    };
    if (rule.rule.suggestion) finding.suggestion = rule.rule.suggestion;
    return finding;
  };
  // Built by push, not kept.map: an empty mapped array has another shape, and sorting both made V8 drop checkAd's
  // optimised code dozens of times a second.
  const findings: Finding[] = [];
  for (const { rule, field, start, end, missing, note } of kept) {
    const onWholeAd = field === WHOLE_AD;
    const finding = onWholeAd ? toFinding(rule, field, 0, 0, '') : toFinding(rule, field, start, end);
    // The finding is new, so its message is completed in place (a spread copy per finding was a slow store each):
    // what a detector compared follows the rule's message (正文“月入过万”，薪资字段最高5000元/月), and a whole-ad
    // finding names what the ad lacks.
    if (!onWholeAd && note) finding.message += `（${note}）`;
    if (onWholeAd && missing) {
      finding.message = finding.message.replace('{missing}', namesOf(missing));
      finding.missing = missing;
    }
    findings.push(finding);
  }
  const fold = (s: string) => normalize(s, lexicon.variants).text;
  const conditionTexts = new Map<string, string>();
  for (const rule of lexicon.rules) {
    for (const condition of rule.fields) {
      const value = conditionValue(ad, condition.path);
      if (value === undefined || !conditionHolds(condition, value, fold, adText)) continue;
      conditionTexts.set(condition.path, String(value));
      findings.push(toFinding(rule, condition.path, 0, 0, String(value)));
    }
  }
  // Pay findings by field, in normalised coordinates: the pay an ad states is read around them.
  const payFindings: { field: string; start: number; end: number }[] = kept.filter((k) => k.rule.category === 'salary_promise');
  if (deps.model) {
    for (const hit of secondOpinion(fields, kept, deps.model, lexicon)) {
      if (wholeAd?.clears(hit.category) || dropped(byField.get(hit.field)!, hit.category, hit.start)) continue;
      if (hit.category === 'salary_promise') payFindings.push(hit);
      const finding = toFinding(hit.rule, hit.field, hit.start, hit.end);
      finding.ruleId = `model:${hit.category}`;
      finding.severity = 'review';
      finding.source = 'model';
      finding.score = Math.round(hit.score * 1000) / 1000;
      findings.push(finding);
    }
  }
  findings.sort((a, b) => (FIELD_ORDER.get(a.field) ?? -1) - (FIELD_ORDER.get(b.field) ?? -1) || a.start - b.start);
  // Structured conditions are fixed like a field holding their value: 男 → 男女不限, 全日制统招本科 → 本科, 35 → removed.
  const texts = new Map<string, string>([...originals, ...conditionTexts]);
  const statesPay = () => ad.pay !== undefined || fields.some((a) => statesPayIn(a, originals.get(a.field)!, payFindings));
  return { decision: decide(findings), findings: attachFixes(findings, texts, lexicon.fixes, lexicon.variants, statesPay), lexiconVersion: deps.version, checkedAt: now.toISOString() };
}
