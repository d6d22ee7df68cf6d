/**
 * The API's routes as API Gateway declares them (`{id}` path parameters). Declaring each route, rather
 * than one catch-all, lets API Gateway answer unknown paths and CORS preflights without invoking Lambda.
 * tests/infra/routes.test.ts compares this list with the routes `createApp` actually serves.
 */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  method: RouteMethod;
  path: string;
}

export const API_ROUTES: readonly ApiRoute[] = [
  // Redirects to the console (or to /docs when no console is mounted).
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/health/ready' },
  { method: 'GET', path: '/openapi.json' },
  { method: 'GET', path: '/docs' },
  { method: 'POST', path: '/v1/check' },
  { method: 'GET', path: '/v1/lexicon' },
  { method: 'POST', path: '/v1/ads' },
  { method: 'GET', path: '/v1/ads' },
  { method: 'GET', path: '/v1/ads/{id}' },
  { method: 'PUT', path: '/v1/ads/{id}' },
  { method: 'GET', path: '/v1/ads/{id}/history' },
  { method: 'POST', path: '/v1/ads/{id}/review' },
  { method: 'GET', path: '/v1/reviews' },
  { method: 'POST', path: '/v1/ads/{id}/appeal' },
  { method: 'POST', path: '/v1/ads/{id}/feedback' },
  { method: 'GET', path: '/v1/feedback/proposals' },
  { method: 'GET', path: '/v1/feedback/export' },
  { method: 'POST', path: '/v1/prescreens' },
  { method: 'GET', path: '/v1/prescreens' },
  { method: 'GET', path: '/v1/prescreens/{id}' },
  // The moderator console's pages and assets (functions/console) under one proxy route per method.
  { method: 'GET', path: '/console' },
  { method: 'GET', path: '/console/{proxy+}' },
  { method: 'POST', path: '/console/{proxy+}' },
  // The public self-check page and its assets (functions/selfcheck).
  { method: 'GET', path: '/check' },
  { method: 'POST', path: '/check' },
  { method: 'GET', path: '/check/{proxy+}' },
];
