/** functions/config.ts: npm start's settings from the environment and its options. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../functions/config.js';

describe('loadConfig', () => {
  it('listens on loopback, port 3000, with failed-authentication limiting on, by default', () => {
    const config = loadConfig({}, []);
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, inMemory: false, help: false });
    expect(config.limits.authFailures).toEqual({ perMinute: 30, unknownKeyCacheMs: 60_000 });
  });

  it('takes HOST and PORT, and --host and --port over them', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }, [])).toMatchObject({ host: '0.0.0.0', port: 8080 });
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }, ['--host', '::1', '--port=9090', '--in-memory'])).toMatchObject({ host: '::1', port: 9090, inMemory: true });
  });

  it('refuses unknown options and bad ports with one line saying what is accepted', () => {
    expect(() => loadConfig({}, ['--prot', '1'])).toThrow(ConfigError);
    expect(() => loadConfig({}, ['--prot', '1'])).toThrow(/usage: npm start -- \[--host ADDRESS\] \[--port N\]/);
    expect(() => loadConfig({}, ['--port', 'http'])).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' }, [])).toThrow(/PORT: a port is 0–65535/);
    expect(() => loadConfig({ HIRECHECK_AUTH_FAILURES_PER_MINUTE: '-1' }, [])).toThrow(/HIRECHECK_AUTH_FAILURES_PER_MINUTE/);
  });

  it('turns failed-authentication limiting off with 0', () => {
    expect(loadConfig({ HIRECHECK_AUTH_FAILURES_PER_MINUTE: '0', HIRECHECK_UNKNOWN_KEY_CACHE_SECONDS: '5' }, []).limits.authFailures).toEqual({ perMinute: 0, unknownKeyCacheMs: 5000 });
  });
});
