/** The zod schema every lexicon file is validated against when loaded. The `Rule` type is inferred from it. */
import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../categories.js';
import { SECTIONS } from '../analysis/clauses.js';

const nonEmpty = z.string().min(1);

/** A named list of words; referenced from regexes as {{name}}. */
export const SetsSchema = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(nonEmpty).min(1));

const Boundary = z.enum(['both', 'start', 'end', 'none']);

export const TermsPatternSchema = z
  .object({ terms: z.array(nonEmpty).min(1), boundary: Boundary.optional() })
  .strict();
export const RegexPatternSchema = z
  .object({
    regex: nonEmpty,
    boundary: Boundary.optional(),
    /** Word sets of which one must be in the field for the regex to run (a cheap filter for costly regexes). */
    when: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).optional(),
    /** Every match starts at a word of the `when` sets: the regex is tried only there. */
    anchored: z.boolean().optional(),
  })
  .strict();
export const DetectorPatternSchema = z
  .object({
    detector: nonEmpty,
    params: z.record(z.string(), z.unknown()).default({}),
    /** Word sets the detector reads through the field analysis (byTag): indexed, and their tags given as params.setTags. */
    sets: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
  })
  .strict();
const SetNames = z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).min(1);

/**
 * A construction: a protected attribute and an operator in one clause, in either order, with lists
 * (彝族、藏族、苗族), modifiers (一律, 都) and up to `gap` characters between. Every name is a word set.
 */
export const ConstructionSchema = z
  .object({
    /** Words naming the attribute (汉族, 河南, 已婚). */
    attribute: SetNames,
    /** Words that must follow an attribute word to make it one (河南 + 籍/人/户口); without it the word alone counts. */
    suffix: SetNames.optional(),
    /** Operators written before the attribute (限, 不招, 优先考虑) and after it (勿扰, 优先, 不要). */
    before: SetNames.optional(),
    after: SetNames.optional(),
    /** Field names that make `key：value` a condition (民族：汉族, 性别：男). */
    keys: SetNames.optional(),
    /** The attribute standing alone as an item of a list of conditions (`男性，20-35岁`). */
    bare: z.boolean().default(false),
    /** Words right after the attribute that make it something else (少数民族 + 地区, 回族 + 区). */
    notBefore: SetNames.optional(),
    /** Longer words holding an attribute word that are something else (企业形象, 妇女): they hide it. */
    hide: SetNames.optional(),
    gap: z.number().int().min(0).max(20).default(6),
  })
  .strict();
export const ConstructionPatternSchema = z.object({ construction: ConstructionSchema }).strict();

/**
 * A scenario: weak signals that together describe a scheme (手工活 + 押金, 接任务 + 返佣). Each signal is a
 * word set; the scenario fires when every signal has a word within the same clause, sentence or ad.
 */
export const ScenarioSchema = z
  .object({
    signals: SetNames,
    within: z.enum(['clause', 'sentence', 'ad']).default('sentence'),
    /** Longer words holding a signal word that are something else (出人头地 holds 人头). */
    hide: SetNames.optional(),
    /** Words that void a signal word right after them (不收押金 is no deposit: 外发手工 beside it is work). */
    negatedBy: SetNames.optional(),
  })
  .strict();
export const ScenarioPatternSchema = z.object({ scenario: ScenarioSchema }).strict();

export const PatternSchema = z.union([
  TermsPatternSchema,
  RegexPatternSchema,
  DetectorPatternSchema,
  ConstructionPatternSchema,
  ScenarioPatternSchema,
]);

/**
 * Where an exception looks: `overlap` (it must overlap the match), `clause` (between commas, or spaces between Chinese words),
 * `sentence` (between 。；！？ or line breaks) or `ad` (anywhere in the field).
 */
export const ExceptionScope = z.enum(['overlap', 'clause', 'sentence', 'ad']);
/** An exception does not hold in a field where `unless` matches (学员 pay a fee as customers, unless the ad recruits them). */
const ExceptionUnless = nonEmpty.optional();
/** An exception holds only for hits whose words match `hit` (a basis stated anywhere in the ad clears 月入两万不是梦, not 月入过万轻轻松松). */
const ExceptionHit = nonEmpty.optional();
export const ExceptionSchema = z.union([
  z.object({ terms: z.array(nonEmpty).min(1), scope: ExceptionScope.default('clause'), unless: ExceptionUnless, hit: ExceptionHit }).strict(),
  z.object({ regex: nonEmpty, scope: ExceptionScope.default('clause'), unless: ExceptionUnless, hit: ExceptionHit }).strict(),
]);

export const LegalSchema = z.object({ law: nonEmpty, article: nonEmpty }).strict();

/**
 * How a finding of the rule is fixed (functions/core/fixes): the condition is deleted with the words around
 * it that belong to it, or replaced by neutral wording. A rule without `fix` gives its findings none (fraud and
 * fees: no rewording makes the job lawful).
 */
export const FixSchema = z
  .object({
    /** What a clause that is only the condition becomes: neutral wording (男女不限, 依法签订劳动合同); empty (the default) deletes it. */
    replacement: z.string().default(''),
    /**
     * A condition sharing its clause with other words (只收女学徒, 社保自愿放弃的每月补200): its words are deleted
     * (`delete`, the default), or the finding gets no fix (`none`) where neither deleting nor the wording reads right.
     */
    inClause: z.enum(['delete', 'none']).default('delete'),
    /** Word sets whose words, left beside the finding in its clause, belong to the condition (年龄, 周岁, 身高, cm). */
    filler: SetNames.optional(),
    /** The condition sits inside words that stay (招聘女服务员 → 招聘服务员): regexes over the finding's own text. */
    rewrites: z.array(z.object({ regex: nonEmpty, replace: z.string() }).strict()).default([]),
    /** `stated_pay`: fixed only when the ad states its pay elsewhere (a lure is deleted, never replaced by a guess). */
    requires: z.enum(['stated_pay']).optional(),
    /** Tested like the rule's examples: a description in, the fixed description out. */
    examples: z.array(z.object({ text: nonEmpty, fixed: z.string() }).strict()).min(1),
  })
  .strict();

/** The structured conditions a rule may read (a posting form's 性别要求, 年龄要求, 学历要求, 户籍). */
export const CONDITION_PATHS = ['conditions.gender', 'conditions.ageMin', 'conditions.ageMax', 'conditions.education', 'conditions.hukou', 'conditions.experience'] as const;
export type ConditionPath = (typeof CONDITION_PATHS)[number];

/**
 * A structured condition that is a finding of the rule. A text value counts unless it holds a neutral word (the
 * common ones, 不限 and 均可, and `neutral`), or with `words` only when it holds a word of those sets; a number
 * counts above `above` (or always, without it), and above `adult.above` where the ad names work that needs an adult.
 */
export const FieldConditionSchema = z
  .object({
    path: z.enum(CONDITION_PATHS),
    neutral: z.array(nonEmpty).default([]),
    words: z.array(z.string().regex(/^[a-z0-9_]+$/)).optional(),
    above: z.number().optional(),
    below: z.number().optional(),
    adult: z.object({ above: z.number(), work: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1) }).strict().optional(),
  })
  .strict();

/** An example: ad text, or an ad with structured fields (its description defaults to a neutral line). */
const ExampleSchema = z.union([nonEmpty, z.record(z.string(), z.unknown())]);

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case ASCII with dashes, e.g. gender-male-only'),
    severity: z.enum(SEVERITIES).optional(),
    message: nonEmpty,
    suggestion: nonEmpty.optional(),
    legal: z.array(LegalSchema).min(1),
    patterns: z.array(PatternSchema).default([]),
    /** Structured conditions that are findings of this rule (`field` in the finding names the path). */
    fields: z.array(FieldConditionSchema).default([]),
    exceptions: z.array(ExceptionSchema).default([]),
    /** Lower the severity when the ad shows a lawful reason (e.g. 井下 work for a gender condition). */
    downgradeWhen: z.array(ExceptionSchema).default([]),
    fix: FixSchema.optional(),
    examples: z
      .object({ match: z.array(ExampleSchema).min(1), clean: z.array(ExampleSchema).min(1) })
      .strict(),
  })
  .strict()
  .refine((r) => r.patterns.length + r.fields.length > 0, 'a rule needs patterns, fields or both');

export const CategoryFileSchema = z
  .object({
    category: z.enum(CATEGORIES),
    sets: SetsSchema.default({}),
    rules: z.array(RuleSchema).min(1),
  })
  .strict();

export const CommonFileSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semver such as 1.2.0'),
    sets: SetsSchema.default({}),
    /** Sets whose words are also matched written in pinyin (see `npm run vocab`), by owner: a category or `common`. */
    pinyinOf: z.record(z.string(), z.array(z.string())).default({}),
    /**
     * Two-character words posts abbreviate to their initials where a form would have a field (xb：男 for 性别, 京hk
     * for 户口, sg165+ for 身高): two letters say too little for any other word, so only these are read.
     */
    initialsOf: z.array(z.string()).default([]),
    /** Sets whose words of three or more characters are also matched misspelt with a near-homophone (少数名族), by owner. */
    homophonesOf: z.record(z.string(), z.array(z.string())).default({}),
    /**
     * Sets whose two-character words are also matched misspelt with a near-homophone (年领 for 年龄, 合铜 for 合同),
     * only where the misspelling does not straddle a word of the text (每年领取 is 每年 + 领取).
     */
    guardedHomophonesOf: z.record(z.string(), z.array(z.string())).default({}),
    variants: z
      .object({
        symbols: z.record(z.string(), z.string()).default({}),
        pinyin: z.record(z.string().regex(/^[a-z]+$/), z.string()).default({}),
        phrases: z.record(z.string(), z.string()).default({}),
        /** Other spellings of a word, folded wherever they appear (身分证 → 身份证); generated near-homophones join them. */
        misspellings: z.record(z.string(), z.string()).default({}),
        /**
         * Spellings that are also the ends of other words (年方 in 年方25 but 满一年方可, 男个 in 男个不要 but 男个子): folded
         * only where neither end makes a dictionary word with the character beside it, like generated short misspellings.
         */
        guardedMisspellings: z.record(z.string(), z.string()).default({}),
        noiseBetweenHan: z.string().default(' '),
        /** A score given or taken in a rubric (女生+5分, 35岁以上扣5分) written as the preference or exclusion it is. */
        scoreOperators: z.object({ bonus: nonEmpty, penalty: nonEmpty }).strict().optional(),
        /**
         * A list headed by an exclusion (我们不要这样的人：/ 以下人员勿投：) excludes each of its items: a header line
         * holds one of `operators`, and one of `pointers` unless it is very short, and ends with a colon; `operator` is
         * written after each item.
         */
        exclusionLists: z
          .object({ pointers: z.array(nonEmpty).min(1), operators: z.array(nonEmpty).min(1), operator: nonEmpty, vetoLabels: z.array(nonEmpty).default([]) })
          .strict()
          .optional(),
        /** Self-tests that turn applicants away by their answers: a gated question is written as `operator` + the question. */
        quizGates: z.object({ turnedAway: z.array(nonEmpty).min(1), allYes: z.array(nonEmpty).default([]), operator: nonEmpty }).strict().optional(),
      })
      .strict(),
  })
  .strict();

const CategoryOrAll = z.union([z.enum(CATEGORIES), z.literal('all')]);

/** Every word of `first` followed by every word of `then` (为/向/给 × 顾客/客户/业主): a family written as its two halves. */
const WordProduct = z.object({ first: z.array(nonEmpty).min(1), then: z.array(nonEmpty).min(1) }).strict();
export type WordProduct = z.infer<typeof WordProduct>;
export const expandProducts = (products: readonly WordProduct[]) => products.flatMap((p) => p.first.flatMap((a) => p.then.map((b) => a + b)));

/**
 * Clause roles (roles.yaml): who a clause is about and what it does. A finding fires on a condition imposed
 * on applicants; a clause with a role keeps no finding of the categories that role `clears`.
 */
export const RolesFileSchema = z
  .object({
    /** Header words that open a section; the clauses under a header take its role. */
    sections: z.object(Object.fromEntries(SECTIONS.map((s) => [s, z.array(nonEmpty).min(1)])) as Record<(typeof SECTIONS)[number], z.ZodArray<z.ZodString>>).strict(),
    /** Words saying a clause is about the applicant (应聘者, 入职需): they override weak roles. */
    applicant: z.array(nonEmpty).min(1),
    /** Words that hide a cue inside them (管理费 hides 管理, 客户经理 hides 客户). */
    blockers: z.array(nonEmpty).default([]),
    /** …and those written as two halves (客户/宾客 × 经理/专员/服务员: a job, not a client). */
    blockerProducts: z.array(WordProduct).default([]),
    roles: z
      .array(
        z
          .object({
            name: z.string().regex(/^[a-z_]+$/),
            cues: z.array(nonEmpty).min(1),
            /** Cues written as two halves (为/向/给/替/收取 × 顾客/客户/业主…). */
            cueProducts: z.array(WordProduct).default([]),
            /**
             * Where a cue gives its role: its clause, its whole sentence (防骗提醒：…), the whole ad when no field holds
             * one of its `unless` words (a job-seeker's post: 求职 … 本人女，28岁), all of its field after the cue
             * (以下作废) or before it (以上作废), or the paragraph the cue heads from the start of a line, up to a
             * blank line (a forum reply: 2楼 老司机⏎这活女孩子干不了吧), unless its line holds an `unless` word.
             */
            scope: z.enum(['clause', 'sentence', 'ad', 'following', 'preceding', 'paragraph']).default('clause'),
            /** Sections whose clauses take this role (weakly: an operator or applicant word in the clause overrides). */
            sections: z.array(z.enum(SECTIONS)).default([]),
            /** A strong role holds even when the clause names the applicant (本公司不向求职者收取任何费用). */
            strong: z.boolean().default(false),
            /** Sections whose clauses take this role strongly (a list under 防骗提醒：). */
            strongSections: z.array(z.enum(SECTIONS)).default([]),
            clears: z.array(CategoryOrAll).min(1),
            /**
             * The role also holds on a question: a sentence that ends with a question mark and holds one of these
             * words (外地户口可以吗？). A question mark alone is not enough: scraped ads lose characters to `?`.
             */
            questionWords: z.array(nonEmpty).default([]),
            /** The role holds only on words inside quotation marks (清理“已婚已育优先”等用语: wording quoted, not imposed). */
            quoted: z.boolean().default(false),
            /** The role holds only inside the bracket around its cue (（可选：写明年龄要求）35岁以下 keeps what follows). */
            bracketed: z.boolean().default(false),
            /** Words that keep the role off their sentence (你是否…？ asks the reader whether they meet a condition). */
            unless: z.array(nonEmpty).default([]),
            examples: z.object({ clears: z.array(nonEmpty).min(1), keeps: z.array(nonEmpty).default([]) }).strict(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** A vocabulary generated from maintained packages by `npm run vocab` (never edited by hand). */
export const VocabularyFileSchema = z
  .object({
    vocabulary: nonEmpty,
    generatedBy: nonEmpty,
    source: nonEmpty,
    sets: SetsSchema.default({}),
    variants: z
      .object({
        /** Single characters folded wherever they appear (Japanese 気 → 气): one character for one. */
        symbols: z.record(z.string().length(1), z.string().length(1)).default({}),
        pinyin: z.record(z.string().regex(/^[a-z]+$/), z.string()).default({}),
        phrases: z.record(z.string(), z.string()).default({}),
        /** Initial letters (bzj): also English abbreviations, so only folded next to Chinese or a figure. */
        initials: z.record(z.string().regex(/^[a-z]+$/), z.string()).default({}),
        /** Chinese misspellings (少数名族 → 少数民族), folded wherever they appear. */
        misspellings: z.record(z.string(), z.string()).default({}),
        /** Short misspellings (年领 → 年龄), folded unless a neighbour makes a word with either end (see `wordNeighbours`). */
        guardedMisspellings: z.record(z.string(), z.string()).default({}),
        /** Per character: the characters that make a dictionary word before it, and after it (年: 每今青中…, 领: 取导先…). */
        wordNeighbours: z.record(z.string(), z.tuple([z.string(), z.string()])).default({}),
      })
      .strict()
      .optional(),
  })
  .strict();

export const PolicySchema = z
  .object({
    /** Default severity of a finding per category (policy.md). */
    severities: z.record(z.enum(CATEGORIES), z.enum(SEVERITIES)),
    /** Per-rule overrides: a severity, or `off` to disable the rule in this deployment. */
    rules: z.record(z.string(), z.enum([...SEVERITIES, 'off'])).default({}),
    /** The learned second opinion (lexicons/model.json): `off` leaves the rules alone. */
    model: z.enum(['on', 'off']).default('on'),
    /** Every posting must carry a validity date that has not passed (an `incomplete` finding otherwise). */
    requireValidUntil: z.boolean().default(false),
  })
  .strict();

export type Rule = z.infer<typeof RuleSchema>;
export type Pattern = z.infer<typeof PatternSchema>;
export type LexiconException = z.infer<typeof ExceptionSchema>;
export type CategoryFile = z.infer<typeof CategoryFileSchema>;
export type CommonFile = z.infer<typeof CommonFileSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type Construction = z.infer<typeof ConstructionSchema>;
export type FieldCondition = z.infer<typeof FieldConditionSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type RolesFile = z.infer<typeof RolesFileSchema>;
export type VocabularyFile = z.infer<typeof VocabularyFileSchema>;

export type RuleExample = z.infer<typeof ExampleSchema>;

/** The ad an example stands for: text is the description; a structured example gets a neutral description unless it gives one. */
export function exampleAd(example: RuleExample): Record<string, unknown> & { description: string } {
  if (typeof example === 'string') return { title: '招聘', description: example };
  return { title: '招聘', description: '招聘员工，工作认真负责', ...example } as Record<string, unknown> & { description: string };
}

/** An example as one line of text (the README's rule table). */
export const exampleText = (example: RuleExample): string => (typeof example === 'string' ? example : JSON.stringify(example));
export type Fix = z.infer<typeof FixSchema>;
