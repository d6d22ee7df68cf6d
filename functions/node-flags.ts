/**
 * V8 settings for every process that runs the engine hot (the server, the Lambda functions, the benchmarks;
 * package.json's `start` and `bench` scripts spell them out too).
 *
 * Why: a check allocates ~200 KB of short-lived objects. With V8's default young generation (16 MB semi-spaces)
 * a scavenge runs every ~80 checks and pauses 2–4 ms, which sets the p99 latency; with 64 MB it runs every ~300
 * checks, throughput rises ~10% and p99 falls below 1 ms (docs/measured.md). The cost is up to 128 MB of
 * reserved young generation: a Lambda function has 1,769 MB.
 */
export const ENGINE_V8_FLAGS = ['--max-semi-space-size=64'] as const;

/** The same flags as NODE_OPTIONS, for environments that start Node themselves (Lambda). */
export const ENGINE_NODE_OPTIONS = ENGINE_V8_FLAGS.join(' ');

/**
 * V8 flags Node takes only on its command line, never from NODE_OPTIONS.
 *
 * `--no-regexp-tier-up`: by default V8 first runs a regex as interpreted bytecode and compiles it to machine code
 * when it runs again. The lexicons hold ~700 regexes, so a fresh process's first checks compiled most of them
 * twice: the first check of a cold start took ~104 ms with tier-up and ~61 ms without. Warm speed is the same.
 */
export const COMMAND_LINE_V8_FLAGS = ['--no-regexp-tier-up'] as const;

/**
 * Lambda starts Node itself, so the command-line flags reach it through an exec wrapper (AWS_LAMBDA_EXEC_WRAPPER):
 * a script in the asset that Lambda runs with the runtime's command line as its arguments (the interpreter first),
 * and which runs that command with the flags after the interpreter.
 */
export const EXEC_WRAPPER_FILE = 'node-flags.sh';
/** Where Lambda puts the asset (LAMBDA_TASK_ROOT). */
export const EXEC_WRAPPER_PATH = `/var/task/${EXEC_WRAPPER_FILE}`;

export const EXEC_WRAPPER_SCRIPT = `#!/bin/sh
# Written from functions/node-flags.ts by infra/build/runtime-files.ts. Lambda runs its Node runtime through this
# script (AWS_LAMBDA_EXEC_WRAPPER), the interpreter first: V8 flags NODE_OPTIONS may not carry go right after it.
node="$1"
shift
exec "$node" ${COMMAND_LINE_V8_FLAGS.join(' ')} "$@"
`;
