/** The HTTP API: `createApp(deps)` plus the pieces other routers (console, prescreens) reuse. */
export { createApp, API_TITLE, API_VERSION } from './app.js';
export { authenticate, createAuthenticator, requireRole, scopeOf, type Authenticator } from './auth.js';
export { DEFAULT_LIMITS, defaultLogger, type AppDeps, type AppEnv, type AppLimits, type AppVariables, type Logger } from './env.js';
export { ForbiddenError, handleError, PayloadTooLargeError, RateLimitedError, UnauthorizedError, ValidationError } from './errors.js';
export { problem, problemBody, problemType, PROBLEM_TYPES, type ProblemSlug } from './problem.js';
export { createRouter, BEARER } from './router.js';
export { wellFormed } from './text.js';
