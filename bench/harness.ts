/**
 * What both benchmarks share: starting the servers (bench/servers.ts) in a child process, timing
 * requests interleaved across them, and fixed-rate or fixed-concurrency load with autocannon.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { readConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { devProviderEnv } from '../src/identity/dev-key.js';

export interface Servers {
  api: string;
  raw: string;
  neo4jGraphql: string;
  stop(): Promise<void>;
}

export async function startServers(neo4jUri: string, rawFiles: string[], basePort = 24000, env: Record<string, string> = {}): Promise<Servers> {
  const ports = { BENCH_API_PORT: basePort, BENCH_RAW_PORT: basePort + 1, BENCH_NEO4J_GRAPHQL_PORT: basePort + 2 };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'bench', 'servers.ts')], {
    // The password this process connects with (the local Neo4j's generated one when none is set): the
    // child is given NEO4J_URI, and with it alone it would take the default of an external Neo4j.
    env: { ...process.env, NEO4J_PASSWORD: readConfig().neo4j.password, ...env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), NEO4J_URI: neo4jUri, BENCH_RAW_FILES: rawFiles.join(',') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A benchmark that fails must not leave its servers running.
  process.once('exit', () => child.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench servers exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
  });
  return {
    api: `http://127.0.0.1:${ports.BENCH_API_PORT}/graphql`,
    raw: `http://127.0.0.1:${ports.BENCH_RAW_PORT}/`,
    neo4jGraphql: `http://127.0.0.1:${ports.BENCH_NEO4J_GRAPHQL_PORT}/`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A request to one server: where, and the JSON body. */
export interface Call {
  url: string;
  body: unknown;
  /** An error code that counts as this call's answer (a question the API refuses past a bound). */
  refusedWith?: string;
}

export async function send(call: Call): Promise<any> {
  const res = await fetch(call.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body) });
  const json = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }>; data?: unknown };
  // A call made to be refused (a facet past GRAPHQL_MAX_GROUPED) times its refusal.
  if (call.refusedWith && json.errors?.[0]?.extensions?.code === call.refusedWith) return json.data;
  if (json.errors) throw new Error(`${call.url} ${JSON.stringify(call.body).slice(0, 200)}: ${JSON.stringify(json.errors).slice(0, 400)}`);
  return json.data;
}

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  /** How many timed requests the figures rest on. */
  n: number;
}

/**
 * Times each call `iterations` times after `warmup`, round-robin, so all see the same conditions.
 * A call whose requests have taken `budgetMs` in all leaves the rotation (a server needing seconds
 * per request would otherwise hold the run for an hour); `n` says how many samples it gave.
 */
export async function interleaved(calls: Call[], iterations: number, warmup: number, budgetMs = Infinity): Promise<Latency[]> {
  const times = calls.map(() => [] as number[]);
  const spent = calls.map(() => 0);
  for (let i = 0; i < warmup + iterations; i++) {
    for (const [j, call] of calls.entries()) {
      if (spent[j] > budgetMs && times[j].length >= 5) continue;
      const start = performance.now();
      await send(call);
      const elapsed = performance.now() - start;
      spent[j] += elapsed;
      if (i >= warmup || spent[j] > budgetMs) times[j].push(elapsed);
    }
  }
  return times.map((t) => ({ p50: quantile(t, 0.5), p95: quantile(t, 0.95), p99: quantile(t, 0.99), n: t.length }));
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  sent: number;
  /** Answers that were not HTTP 200 with a body free of `errors`, plus client time-outs and socket errors. */
  failed: number;
  /** Of those, answers refused at once by load shedding: HTTP 503 with Retry-After. */
  shed: number;
  /** Answers that were HTTP 200 with a body free of `errors`, per second: goodput. */
  goodput: number;
}

/**
 * autocannon against one call: `rate` requests per second overall (autocannon -R), or as fast as
 * `connections` allow. Latencies are the measured ones: autocannon's correction for coordinated
 * omission under -R assumes an interval of 1 ms between a connection's requests (it takes 1/rate,
 * in seconds, as milliseconds), which adds hundreds of made-up samples for every slow answer. For a
 * fixed rate, `paced` is the measure to read; autocannon -R sends each second's requests at once.
 */
export async function load(call: Call, options: { connections: number; seconds: number; rate?: number }): Promise<LoadResult> {
  let bad = 0;
  let shed = 0;
  let good = 0;
  const result = await autocannon({
    url: call.url,
    connections: options.connections,
    duration: options.seconds,
    overallRate: options.rate,
    ...(options.rate ? { ignoreCoordinatedOmission: true } : {}),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(call.body),
        onResponse: (status: number, body: string, _context: object, headers?: Record<string, unknown>) => {
          if (status !== 200 || body.includes('"errors"')) bad++;
          else good++;
          if (status === 503 && (headers?.['retry-after'] ?? headers?.['Retry-After'])) shed++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    sent: result.requests.sent,
    failed: bad + result.errors + result.timeouts,
    shed,
    goodput: good / options.seconds,
  };
}

/**
 * An open-loop load at a fixed rate, evenly paced: request i is due at i / rate seconds and is sent
 * then, whether or not earlier ones were answered (as independent users arrive), over keep-alive
 * connections. Each latency runs from the moment its request was due, so a server that falls behind
 * is charged for the wait too (no coordinated omission). autocannon -R cannot do this: it gives each
 * connection its share of requests per second and sends them together at each second's start.
 */
export async function paced(call: Call, options: { rate: number; seconds: number; timeoutMs?: number }): Promise<LoadResult> {
  const body = JSON.stringify(call.body);
  const total = Math.round(options.rate * options.seconds);
  const start = performance.now();
  const times: number[] = [];
  let failed = 0;
  let shed = 0;
  const one = async (due: number) => {
    try {
      const res = await fetch(call.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      const text = await res.text();
      if (res.status === 200 && !text.includes('"errors"')) return void times.push(performance.now() - due);
      failed++;
      if (res.status === 503 && res.headers.get('retry-after')) shed++;
    } catch {
      failed++;
    }
  };
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(one(due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  return { requestsPerSecond: total / elapsed, p50: quantile(times, 0.5) ?? 0, p99: quantile(times, 0.99) ?? 0, sent: total, failed, shed, goodput: times.length / elapsed };
}

/**
 * `clients` callers that each send their next request when the last is answered, like autocannon,
 * but behave as the API asks: after a 503 they wait its Retry-After (with jitter: 0.5-1.5x) before
 * trying again, as well-behaved clients and retry libraries do. Latency is that of good answers.
 */
export async function politeClients(call: Call, options: { clients: number; seconds: number }): Promise<LoadResult> {
  const body = JSON.stringify(call.body);
  const until = performance.now() + options.seconds * 1000;
  const times: number[] = [];
  let sent = 0;
  let failed = 0;
  let shed = 0;
  const client = async () => {
    while (performance.now() < until) {
      const start = performance.now();
      sent++;
      try {
        const res = await fetch(call.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
        const text = await res.text();
        if (res.status === 200 && !text.includes('"errors"')) {
          times.push(performance.now() - start);
          continue;
        }
        failed++;
        const retryAfter = Number(res.headers.get('retry-after'));
        if (res.status === 503 && retryAfter > 0) {
          shed++;
          await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 * (0.5 + Math.random())));
        }
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return { requestsPerSecond: sent / options.seconds, p50: quantile(times, 0.5) ?? 0, p99: quantile(times, 0.99) ?? 0, sent, failed, shed, goodput: times.length / options.seconds };
}

export const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

/**
 * An API process (`src/main.ts` of `root`, this checkout by default) on a Neo4j the benchmark started,
 * ready when this resolves; killed when the benchmark exits, however it ends.
 */
export async function apiProcess(options: { port: number; neo4jUri: string; password: string; env?: Record<string, string>; root?: string }): Promise<{ url: string; pid: number; stop(): void }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: options.root ?? PROJECT_ROOT,
    // Production starts only with an identity provider: the development key stands in for one here.
    env: { ...process.env, NODE_ENV: 'test', NEO4J_URI: options.neo4jUri, NEO4J_PASSWORD: options.password, PORT: String(options.port), SEED_ON_START: 'false', LOG_LEVEL: 'silent', ...(options.env?.NODE_ENV === 'production' ? await devProviderEnv() : {}), ...options.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${options.port}`;
  for (const deadline = Date.now() + 300_000; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); ) {
    if (Date.now() > deadline) throw new Error(`API of ${options.root ?? PROJECT_ROOT} on ${options.port} not ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}
