/** What hostile requests may use against a running service: its keys, a few ads, a prescreen batch, a console session. */
import { consoleSession } from './console-session.js';
import type { HostileContext } from './hostile-requests.js';

export async function hostileContext(baseUrl: string, keys: HostileContext['keys'], bodyLimitBytes: number): Promise<HostileContext> {
  const post = async (path: string, key: string, body: string, type = 'application/json') => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': type }, body });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { adId?: string; id?: string };
  };
  const adIds: string[] = [];
  for (const description of ['负责日常行政事务，年龄35岁以下。', '负责仓库管理，限男性。', '负责客户开发，男女不限。']) {
    adIds.push((await post('/v1/ads', keys.employer, JSON.stringify({ title: '职员', description }))).adId!);
  }
  const batch = await post('/v1/prescreens', keys.organizer, '单位名称,岗位名称,岗位描述\n甲公司,职员,负责仓库管理，限男性。\n', 'text/csv');
  return { keys, adIds, prescreenIds: [batch.id!], console: await consoleSession(baseUrl, keys.moderator), bodyLimitBytes };
}
