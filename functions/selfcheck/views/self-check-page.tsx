/**
 * The self-check page: what is checked and why, the form, and after a check the ad with numbered highlights,
 * the findings (message, law, suggestion) and the fixed ad. Works without script (only copying needs it).
 */
import type { Ad } from '../../core/ad.js';
import { UNFIXABLE_CATEGORIES, type FixedCheck } from '../../core/fixes/fixed-ad.js';
import type { Verdict } from '../../core/verdict.js';
import { Findings } from '../../console/views/ad-page.js';
import { Notice } from '../../console/views/layout.js';
import { MarkedAd } from '../../console/views/marked-ad.js';
import { numberGroups } from '../../console/views/marked-text.js';
import { groupFindings } from '../../presentation/group-findings.js';
import { SELF_CHECK_LIMITS, type SelfCheckForm } from '../form.js';
import { DECISION_TEXT } from '../labels.js';
import { SELF_CHECK_BASE } from '../urls.js';
import { FixedAd } from './fixed-ad.js';
import { SelfCheckLayout } from './layout.js';

export interface SelfCheckResult {
  ad: Ad;
  verdict: Verdict;
  fixed?: FixedCheck;
}

function Intro() {
  return (
    <section class="intro panel" aria-label="说明">
      <h1>招聘广告合规自查</h1>
      <p>粘贴职位名称和职位描述，检查广告里有没有法律禁止或政策不鼓励的招聘条件，并得到一份修改好的版本。无需注册，提交的内容不会被保存。</p>
      <ul>
        <li>
          <strong>性别、婚育</strong>：不得以性别、婚姻、生育状况限制录用（《就业促进法》第二十七条，《妇女权益保障法》第四十三条）。
        </li>
        <li>
          <strong>民族、宗教、地域户籍</strong>：不得因民族、宗教信仰、籍贯户籍歧视求职者（《就业促进法》第三条、第二十八条，《人力资源市场暂行条例》第十一条）。
        </li>
        <li>
          <strong>健康</strong>：不得排斥乙肝病原携带者和残疾人，入职体检不得查乙肝（《就业促进法》第二十九条、第三十条，《残疾人保障法》第三十八条）。
        </li>
        <li>
          <strong>年龄、外貌、院校</strong>：国家政策不鼓励设年龄上限、身高相貌要求和985/211、全日制等院校限制（国办发〔2013〕35号等）。
        </li>
        <li>
          <strong>收费、欺诈</strong>：不得以任何名义向求职者收取押金、培训费，不得发布虚假招聘（《劳动合同法》第九条，《就业促进法》第四十一条）。
        </li>
        <li>
          <strong>薪资、劳动权益</strong>：不得用高薪噱头虚假宣传，应依法签订劳动合同、缴纳社会保险（《人力资源市场暂行条例》第二十四条，《劳动合同法》第十条，《社会保险法》第五十八条）。
        </li>
      </ul>
    </section>
  );
}

function CheckForm({ form }: { form: SelfCheckForm }) {
  return (
    <form class="check panel" method="post" action={SELF_CHECK_BASE}>
      <label for="title">职位名称（可选）</label>
      <input id="title" name="title" type="text" maxlength={SELF_CHECK_LIMITS.title} value={form.title} />
      <label for="description">职位描述</label>
      <textarea id="description" name="description" required maxlength={SELF_CHECK_LIMITS.description}>
        {form.description}
      </textarea>
      <p class="hint">最多 {SELF_CHECK_LIMITS.description} 字。</p>
      <button type="submit" class="primary" id="check-button">
        检查
      </button>
    </form>
  );
}

function Outcome({ result }: { result: SelfCheckResult }) {
  const { ad, verdict, fixed } = result;
  const groups = numberGroups(groupFindings(verdict.findings));
  const findings = groups.flatMap((g) => g.hits.map((h) => h.finding));
  const unfixable = verdict.findings.some((f) => UNFIXABLE_CATEGORIES.has(f.category));
  return (
    <section class="result" id="result" aria-label="检查结果">
      <div class="verdict">
        <h2>检查结果</h2>
        <span class={`decision ${verdict.decision}`}>{DECISION_TEXT[verdict.decision]}</span>
        <span class="muted">{findings.length ? `发现 ${findings.length} 处问题` : '未发现问题'}</span>
        {/* On a phone the fixed ad comes after every finding: a way straight to it. */}
        {fixed ? <a href="#fixed">查看修改后的广告</a> : null}
      </div>
      <div class="ad-grid">
        <section class="panel" aria-label="广告原文">
          <h2>广告原文</h2>
          <MarkedAd ad={ad} findings={findings} />
        </section>
        <section class="panel" aria-label="问题">
          <h2>问题（{findings.length}）</h2>
          <Findings groups={groups} />
        </section>
      </div>
      {fixed ? (
        <FixedAd ad={ad} findings={verdict.findings} fixed={fixed} />
      ) : findings.length ? (
        <section id="fixed" class="panel" aria-label="修改后的广告">
          <Notice
            notice={
              unfixable
                ? { kind: 'error', title: '无法通过修改措辞修正', text: '广告涉及欺诈或向求职者收费：这类岗位本身不合法，改写措辞也不能发布。' }
                : { kind: 'warn', title: '没有可以自动修改的内容', text: '这些问题没有可直接套用的改写，请按上面每条的建议修改。' }
            }
          />
        </section>
      ) : null}
    </section>
  );
}

export function SelfCheckPage(props: { form: SelfCheckForm; result?: SelfCheckResult; error?: string }) {
  return (
    <SelfCheckLayout title="招聘广告合规自查">
      <Intro />
      {props.error ? <Notice notice={{ kind: 'error', title: props.error }} /> : null}
      <CheckForm form={props.form} />
      {props.result ? <Outcome result={props.result} /> : null}
    </SelfCheckLayout>
  );
}
