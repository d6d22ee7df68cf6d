/** Every resource router is an OpenAPIHono whose validation failures become 400 problems (ValidationError). */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { AppEnv } from './env.js';
import { ValidationError } from './errors.js';

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError(result.target, result.error as unknown as ZodError);
    },
  });
}

export const BEARER = [{ bearer: [] as string[] }];
