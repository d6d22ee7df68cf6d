/** API Gateway declares each route (infra/routes.ts): the list must be exactly what the Lambda's app serves. */
import { describe, expect, it } from 'vitest';
import { app } from '../../functions/handlers/api.js';
import { httpApiEvent } from '../../infra/build/http-api-event.js';
import { API_ROUTES } from '../../infra/routes.js';

describe('infra/routes.ts', () => {
  it("lists exactly the routes of the Lambda's app (Hono :id written as API Gateway's {id})", () => {
    // The console's pages and the self-check page's assets sit behind one greedy proxy route per method.
    const declared = (path: string) =>
      path.startsWith('/console/') ? '/console/{proxy+}' : path.startsWith('/check/') ? '/check/{proxy+}' : path.replace(/:(\w+)/g, '{$1}');
    const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${declared(r.path)}`));
    expect([...served].sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('turns a request into the event API Gateway would send: route key and path parameters', () => {
    const event = httpApiEvent({ method: 'get', url: '/v1/ads/ad_123/history?x=1' });
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /v1/ads/{id}/history',
      rawPath: '/v1/ads/ad_123/history',
      rawQueryString: 'x=1',
      pathParameters: { id: 'ad_123' },
      requestContext: { http: { method: 'GET' }, stage: '$default' },
    });
    expect(() => httpApiEvent({ method: 'DELETE', url: '/v1/ads/ad_123' })).toThrow(/no such route/);
  });
});
