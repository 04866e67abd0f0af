/**
 * The load generator of the scale benchmark: HTTP POSTs over keep-alive connections (node:http,
 * so the client's own overhead stays small and fixed), one client in sequence or many in a
 * closed loop, and a tally of latencies, bytes, errors by `extensions.code` and timeouts.
 */
import http from "node:http";

export interface Endpoint {
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Outcome {
  readonly ms: number;
  readonly bytes: number;
  /** Undefined for an answer without errors; else the first error's code (or NO_ANSWER, HTTP_nnn). */
  readonly code?: string;
  readonly timeout: boolean;
  /** The parsed body, when asked for. */
  readonly body?: unknown;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** The client gives up after this: twice the server's request deadline, so it only sees a hung or drowned server. */
export const CLIENT_TIMEOUT_MS = 30_000;

/** A timeout as Neo4j or a GraphQL layer words it, whatever the code it came with. */
const TIMEOUT_MESSAGE = /timed out|within the timeout/i;

export async function post(
  endpoint: Endpoint,
  body: string,
  options: { keepBody?: boolean; timeoutMs?: number } = {},
): Promise<Outcome> {
  const outcome = await postOnce(endpoint, body, options);
  // A kept-alive socket the server closed while idle fails the next request at once: the client's
  // race, not the server's failure (Node's documentation advises the retry).
  return outcome.staleSocket ? postOnce(endpoint, body, options) : outcome;
}

function postOnce(
  endpoint: Endpoint,
  body: string,
  options: { keepBody?: boolean; timeoutMs?: number },
): Promise<Outcome & { staleSocket?: boolean }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      endpoint.url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...endpoint.headers },
        timeout: options.timeoutMs ?? CLIENT_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", () => resolve({ ms: performance.now() - started, bytes: 0, code: "NO_ANSWER", timeout: false }));
        response.on("end", () => {
          const ms = performance.now() - started;
          const buffer = Buffer.concat(chunks);
          const text = buffer.toString("utf8");
          // Parsing megabytes costs the client time: only answers with errors, or when asked.
          const hasErrors = text.includes('"errors":[');
          let parsed: { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | undefined;
          if (hasErrors || options.keepBody) {
            try {
              parsed = JSON.parse(text) as typeof parsed;
            } catch {
              parsed = undefined;
            }
          }
          const error = parsed?.errors?.[0];
          const code = error
            ? (error.extensions?.code ?? "UNKNOWN")
            : response.statusCode !== 200
              ? `HTTP_${response.statusCode}`
              : undefined;
          const timeout = error !== undefined && (code === "QUERY_TIMEOUT" || TIMEOUT_MESSAGE.test(error.message ?? ""));
          resolve({ ms, bytes: buffer.length, code, timeout, body: options.keepBody ? parsed : undefined });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error("client timeout")));
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({
        ms: performance.now() - started,
        bytes: 0,
        code: "NO_ANSWER",
        timeout: error.message === "client timeout",
        staleSocket: request.reusedSocket && error.code === "ECONNRESET",
      }),
    );
    request.end(body);
  });
}

export class Tally {
  readonly latencies: number[] = [];
  readonly errors = new Map<string, number>();
  ok = 0;
  timeouts = 0;
  bytes = 0;
  /** Time with requests in flight, for the throughput. */
  activeMs = 0;

  add(outcome: Outcome): void {
    this.latencies.push(outcome.ms);
    if (outcome.timeout) this.timeouts++;
    else if (outcome.code !== undefined) this.errors.set(outcome.code, (this.errors.get(outcome.code) ?? 0) + 1);
    else {
      this.ok++;
      this.bytes += outcome.bytes;
    }
  }

  get count(): number {
    return this.latencies.length;
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((sum, count) => sum + count, 0);
  }

  /** Nearest-rank percentile of every answer's latency (errors included: a client waits for them too). */
  percentile(fraction: number): number {
    if (this.latencies.length === 0) return NaN;
    const sorted = [...this.latencies].sort((left, right) => left - right);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
  }

  /** Answers without error per second of load. */
  get throughput(): number {
    return this.activeMs > 0 ? this.ok / (this.activeMs / 1000) : NaN;
  }

  get meanBytes(): number {
    return this.ok > 0 ? this.bytes / this.ok : NaN;
  }

  describeErrors(): string {
    const parts = [...this.errors].map(([code, count]) => `${code} ×${count}`);
    if (this.timeouts > 0) parts.unshift(`timeouts ×${this.timeouts}`);
    return parts.join(", ");
  }
}

/** One client: requests one after another, until `iterations` or `maxMs`, whichever comes first. */
export async function sequential(
  endpoint: Endpoint,
  body: string,
  iterations: number,
  maxMs: number,
  tally: Tally,
): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < iterations && performance.now() - started < maxMs; i++) {
    const requestStarted = performance.now();
    tally.add(await post(endpoint, body));
    tally.activeMs += performance.now() - requestStarted;
  }
}

/**
 * `clients` clients in a closed loop (each sends its next request when its answer arrives) for
 * `durationMs`; requests in flight at the end are waited for and counted, and so is their time.
 */
export async function closedLoop(
  endpoint: Endpoint,
  body: string,
  clients: number,
  durationMs: number,
  tally: Tally,
): Promise<void> {
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) tally.add(await post(endpoint, body));
    }),
  );
  tally.activeMs += performance.now() - started;
}
