/**
 * `npm run db:generate -- --entities N --relations M --out FILE`: writes a deterministic synthetic
 * graph in the import format (docs/import-format.md) for the import benchmark. Same options, same
 * bytes. `--out -` writes to stdout; progress and the summary go to stderr.
 *
 *   --entities N   entities to generate (required)
 *   --relations M  relations to generate (required)
 *   --out FILE     output file, or - for stdout (required)
 *   --seed S       PRNG seed, 0 to 4294967295 (default 1)
 *   --sources K    source documents (default 20)
 *   --super-hubs N             the N top hubs get extra relations (default 0: none)
 *   --super-hub-relations D    extra relations of each super hub (default 20,000: ~25,000 in all at 1M)
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import {
  DEFAULT_SOURCES,
  SUPER_HUB_RELATIONS,
  formatRecord,
  generateRecords,
  plannedCounts,
  type GeneratorOptions,
} from "../src/knowledge/generator";

class UsageError extends Error {}

const USAGE =
  "usage: db-generate --entities N --relations M --out FILE|- [--seed S] [--sources K] [--super-hubs N [--super-hub-relations D]]";
/** Lines are encoded straight into chunks of this many bytes: one write per chunk, and no join of strings. */
const CHUNK_BYTES = 1 << 20;
const PROGRESS_INTERVAL_MS = 5000;
/** The file stream buffers this much before asking us to wait, so generation overlaps the disk writes. */
const STREAM_BUFFER_BYTES = 16 * CHUNK_BYTES;

interface Arguments {
  readonly options: GeneratorOptions;
  readonly out: string;
}

function parseArguments(argv: readonly string[]): Arguments {
  const values = new Map<string, string>();
  const known = ["--entities", "--relations", "--out", "--seed", "--sources", "--super-hubs", "--super-hub-relations"];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const equals = argument.indexOf("=");
    const name = equals > 0 ? argument.slice(0, equals) : argument;
    if (!known.includes(name)) throw new UsageError(`Unknown argument "${argument}". ${USAGE}`);
    let value: string | undefined;
    if (equals > 0) value = argument.slice(equals + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    // "-" alone is a value (stdout); "--x" is a forgotten value.
    if (value === undefined || value === "" || value.startsWith("--")) throw new UsageError(`${name} needs a value. ${USAGE}`);
    if (values.has(name)) throw new UsageError(`${name} is given twice.`);
    values.set(name, value);
  }
  for (const required of ["--entities", "--relations", "--out"]) {
    if (!values.has(required)) throw new UsageError(`${required} is required. ${USAGE}`);
  }
  const options: GeneratorOptions = {
    entities: integer(values, "--entities", 0),
    relations: integer(values, "--relations", 0),
    seed: integer(values, "--seed", 1, 4294967295),
    sources: integer(values, "--sources", DEFAULT_SOURCES),
    superHubs: integer(values, "--super-hubs", 0),
    superHubRelations: integer(values, "--super-hub-relations", SUPER_HUB_RELATIONS),
  };
  try {
    plannedCounts(options);
  } catch (error) {
    if (error instanceof RangeError) {
      const flag = error.message.replace(
        /^(\w+)/,
        (name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
      );
      throw new UsageError(`${flag}.`);
    }
    throw error;
  }
  return { options, out: values.get("--out") as string };
}

function integer(values: Map<string, string>, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = values.get(name);
  if (text === undefined) return fallback;
  // Underscores allowed for readability: --relations 1_000_000.
  const value = /^\d+(_\d+)*$/.test(text) ? Number(text.replace(/_/g, "")) : NaN;
  if (!Number.isSafeInteger(value) || value > max) {
    const range = max < Number.MAX_SAFE_INTEGER ? ` from 0 to ${max}` : "";
    throw new UsageError(`${name} must be a whole number${range}; got "${text}".`);
  }
  return value;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const { options, out } = parseArguments(argv);
  const counts = plannedCounts(options);
  const total = counts.sources + counts.entities + counts.relations + counts.events;
  const toStdout = out === "-";
  const stream: Writable = toStdout ? process.stdout : createWriteStream(out, { highWaterMark: STREAM_BUFFER_BYTES });
  let failure: Error | undefined;
  stream.on("error", (error) => {
    failure = error;
  });
  if (!toStdout) {
    try {
      await once(stream, "open");
    } catch (error) {
      throw new UsageError(`cannot write ${out}: ${(error as Error).message}`);
    }
  }

  const started = Date.now();
  let lastProgress = started;
  let records = 0;
  let bytes = 0;
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  // Backpressure: one chunk in flight beyond the stream's buffer at most; a failed write ends the run.
  const flush = async (): Promise<void> => {
    if (used === 0) return;
    const full = chunk.subarray(0, used);
    chunk = Buffer.allocUnsafe(CHUNK_BYTES); // the stream keeps `full` until it is written
    used = 0;
    bytes += full.length;
    if (failure) throw failure;
    if (!stream.write(full)) {
      await once(stream, "drain"); // rejects if the stream fails meanwhile
    }
    const now = Date.now();
    if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
      lastProgress = now;
      const percent = ((records / total) * 100).toFixed(0);
      console.error(
        `db:generate: ${records.toLocaleString("en")} of ${total.toLocaleString("en")} records (${percent}%), ${megabytes(bytes)}, ${((now - started) / 1000).toFixed(1)} s`,
      );
    }
  };

  for (const record of generateRecords(options)) {
    const line = formatRecord(record);
    // A UTF-16 unit takes at most 3 bytes in UTF-8; a line longer than a chunk gets its own buffer.
    if (used + line.length * 3 + 1 > chunk.length) {
      await flush();
      if (line.length * 3 + 1 > chunk.length) chunk = Buffer.allocUnsafe(line.length * 3 + 1);
    }
    used += chunk.write(line, used, "utf8");
    chunk[used++] = 0x0a;
    records++;
  }
  await flush();
  if (toStdout) await new Promise<void>((resolve, reject) => stream.write("", (error) => (error ? reject(error) : resolve())));
  else {
    stream.end();
    await once(stream, "finish");
  }
  if (failure) throw failure;

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(
    `db:generate: wrote ${records.toLocaleString("en")} records (${counts.sources} sources, ${counts.entities.toLocaleString("en")} entities, ` +
      `${counts.relations.toLocaleString("en")} relations, ${counts.events.toLocaleString("en")} events), ${megabytes(bytes)} ` +
      `to ${toStdout ? "stdout" : out} in ${seconds} s (seed ${options.seed}` +
      (options.superHubs ? `, ${options.superHubs} super hub(s) with ${options.superHubRelations} extra relations each` : "") +
      ")",
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // A reader that stops early (`| head`) is not a failure of the generator.
  if ((error as NodeJS.ErrnoException).code === "EPIPE") return;
  const known = error instanceof UsageError;
  console.error(`db:generate: ${known ? (error as Error).message : `failed: ${(error as Error).message}`}`);
  process.exitCode = 1;
});
