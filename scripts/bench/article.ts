/**
 * `npm run bench -- --graph article`: latency of the graph queries over HTTP on the article's
 * graph in the project's own Neo4j (started and seeded first): starts the server in-process on a
 * free port, warms up, then sends each query N times one after another and prints p50 / p95 /
 * max in milliseconds. No target is asserted; the figures are for comparing two commits on one
 * machine. The scale benchmark (the default) is scripts/bench.ts.
 */
import "reflect-metadata";
import { loadConfig } from "../../src/config";
import { startServer } from "../../src/main";

const QUERIES: Record<string, string> = {
  "neighbourhood depth 1": `{ neighbourhood(id: "openai") { nodes { id } edges { id source target } } }`,
  "neighbourhood depth 3, asOf": `{ neighbourhood(id: "openai", depth: 3, asOf: "2025-06") { nodes { id } edges { id relation { provenance { quotes } } } } }`,
  "paths ftc→windsurf, 6 hops, 25": `{ paths(from: "ftc", to: "windsurf", maxHops: 6, limit: 25) { length edges { id } } }`,
  "timeline 2023": `{ timeline(from: "2023", to: "2023") { minDate maxDate countsByYear { year } items { date caption } } }`,
  "search 'commission europeenne'": `{ search(text: "commission europeenne") { score entity { id } } }`,
  "graph (whole) + cytoscapeElements": `{ graph { nodes { id } edges { id } cytoscapeElements } }`,
};

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

export async function runArticleBench(iterations: number): Promise<void> {
  const server = await startServer(loadConfig({ ...process.env, PORT: "0", LOG_LEVEL: "warn" }));
  try {
    const post = async (query: string) => {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: Array<{ message: string }> };
      if (body.errors) throw new Error(body.errors[0].message);
    };
    console.log(`${iterations} sequential requests per query\n`);
    console.log(`${"query".padEnd(36)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"max".padStart(7)}`);
    for (const [name, query] of Object.entries(QUERIES)) {
      for (let warm = 0; warm < 5; warm++) await post(query);
      const times: number[] = [];
      for (let run = 0; run < iterations; run++) {
        const started = performance.now();
        await post(query);
        times.push(performance.now() - started);
      }
      times.sort((left, right) => left - right);
      const format = (value: number) => value.toFixed(1).padStart(7);
      console.log(
        `${name.padEnd(36)} ${format(percentile(times, 0.5))} ${format(percentile(times, 0.95))} ${format(times[times.length - 1])}`,
      );
    }
  } finally {
    await server.stop();
  }
}
