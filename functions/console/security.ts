/**
 * The console's browser-facing protections: response headers (a strict CSP with no inline script or
 * style), the session cookie's attributes, and CSRF token checks.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Set on every console response: pages show ads and moderators' names, so nothing is cached or framed. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  // Ad ids in console URLs must not leak to other sites through links in ad text.
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};

export const SESSION_COOKIE = 'hc_console';
/** Double-submit token of the sign-in form, before any session exists (login CSRF). */
export const SIGN_IN_COOKIE = 'hc_console_signin';
const COOKIE_PATH = '/console';

/** Secure cookies need https; local `npm start` serves plain http on localhost. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

function setStrictCookie(c: Context, name: string, value: string, maxAgeSeconds: number): void {
  setCookie(c, name, value, {
    path: COOKIE_PATH,
    httpOnly: true,
    secure: isHttps(c),
    sameSite: 'Strict',
    maxAge: maxAgeSeconds,
  });
}

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  setStrictCookie(c, SESSION_COOKIE, token, maxAgeSeconds);
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH, secure: isHttps(c) });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** A fresh sign-in token, set as a cookie and returned for the form's hidden field. */
export function issueSignInToken(c: Context): string {
  const token = randomBytes(32).toString('base64url');
  setStrictCookie(c, SIGN_IN_COOKIE, token, 60 * 60);
  return token;
}

export function signInCookie(c: Context): string | undefined {
  return getCookie(c, SIGN_IN_COOKIE);
}

export function clearSignInCookie(c: Context): void {
  deleteCookie(c, SIGN_IN_COOKIE, { path: COOKIE_PATH, secure: isHttps(c) });
}

/** Constant-time comparison of a presented token with the expected one; absent or empty never matches. */
export function tokensMatch(expected: string | undefined, presented: unknown): boolean {
  if (!expected || typeof presented !== 'string' || presented.length === 0) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The form field every state-changing console form carries. */
export const CSRF_FIELD = '_csrf';
