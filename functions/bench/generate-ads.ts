/**
 * A deterministic generated corpus of ~500-character ads for benchmarks: realistic clean sentences with
 * some problem phrases mixed in, so rules, exceptions and detectors all do real work.
 */
const CLEAN = [
  '公司简介：我们是一家专注于工业自动化设备的高新技术企业，总部位于洛阳市高新区，现有员工300余人。',
  '岗位职责：负责设备的安装调试与日常维护，处理产线异常，填写维修记录。',
  '任职要求：机电相关专业大专及以上学历，两年以上相关工作经验，男女不限。',
  '薪资待遇：月薪6000-9000元，五险一金，双休，年终奖，带薪年假。',
  '工作地点：洛龙区开元大道与王城大道交叉口，公司提供免费班车。',
  '面试流程：简历筛选—技术面试—部门负责人面试—发放录用通知，全程不收取任何费用。',
  '培训发展：新员工入职后有导师一对一带教，每年组织外部培训与技术交流。',
  '福利：免费工作餐，员工宿舍押金全免，节日福利，年度体检费用由公司承担。',
  '签订三年劳动合同，试用期3个月，试用期工资不低于转正工资的80%。',
  '熟练使用Excel、SAP等办公软件，具备良好的沟通能力和团队合作精神。',
];
const PROBLEMS = [
  '要求：限男性，18-35岁，形象气质佳。',
  '入职需交工服押金200元，干满三个月退还。',
  '已婚已育优先，限本地户口。',
  '乙肝携带者勿扰，入职体检查乙肝五项。',
  '第一学历985/211，海归优先。',
  '无需经验，月薪3-5万，轻松月入过万不是梦。',
  '不招少数民族，无宗教信仰。',
  '签两年合同，试用期6个月，不缴社保。',
];

/** Small seeded PRNG (mulberry32) so every run benchmarks the same text. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateAds(count: number, seed = 42): { title: string; description: string }[] {
  const rnd = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const parts: string[] = [];
    while (parts.join('\n').length < 470) parts.push(rnd() < 0.12 ? pick(PROBLEMS) : pick(CLEAN));
    return { title: `设备工程师${i}`, description: parts.join('\n') };
  });
}
