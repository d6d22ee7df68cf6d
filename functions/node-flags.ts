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
