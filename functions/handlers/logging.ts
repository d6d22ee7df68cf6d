/**
 * Logging in Lambda, through the Powertools logger: JSON lines carrying the Lambda request id and the
 * cold-start flag. One line per API request (method, route, status, duration, API Gateway's request id —
 * the access log's key — and the app's x-request-id), and the app's own entries (`AppDeps.log`).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { handle, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import type { Logger as AppLogger } from '../http/env.js';

export const logger = new Logger({ serviceName: 'hirecheck' });

/** The app logs `{ level, msg, …fields }`; Powertools takes the message and the fields apart. */
export const appLog: AppLogger = ({ level, msg, ...fields }) => {
  const method = level === 'error' ? 'error' : level === 'warn' ? 'warn' : 'info';
  logger[method](typeof msg === 'string' ? msg : 'app', fields);
};

/** The parts of an API Gateway v2 (HTTP API, payload 2.0) event that the log line uses. */
interface HttpApiEventFields {
  routeKey: string;
  rawPath: string;
  requestContext: { requestId: string; http: { method: string } };
}

type LambdaHandler = ReturnType<typeof handle>;

export function withRequestLog(handler: LambdaHandler) {
  return async (event: LambdaEvent, context: LambdaContext) => {
    logger.addContext(context);
    const started = performance.now();
    const e = event as unknown as HttpApiEventFields;
    const fields = {
      method: e.requestContext.http.method,
      route: e.routeKey,
      path: e.rawPath,
      apiRequestId: e.requestContext.requestId,
    };
    try {
      const response = await handler(event, context);
      const level = response.statusCode >= 500 ? 'error' : 'info';
      logger[level]('request', {
        ...fields,
        status: response.statusCode,
        appRequestId: (response.headers as Record<string, string> | undefined)?.['x-request-id'],
        durationMs: Math.round(performance.now() - started),
      });
      return response;
    } catch (err) {
      logger.error('request failed', { ...fields, durationMs: Math.round(performance.now() - started), error: err as Error });
      throw err;
    }
  };
}
