/**
 * Streams the records of import files, one at a time, with the file and line each came from:
 * JSON Lines (`*.jsonl`), and CSV for people who keep a spreadsheet (`*.entities.csv`,
 * `*.relations.csv`; columns in docs/import-format.md). Nothing reads a file whole, so a file of
 * a million relations costs the memory of one line. CSV rows become the same raw objects a JSON
 * line gives, so one validation serves both.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse";

export interface RawRecord {
  readonly file: string;
  readonly line: number;
  /** The parsed object, or why the line could not be parsed. */
  readonly raw?: unknown;
  readonly parseError?: string;
}

export type FileFormat = "jsonl" | "entities.csv" | "relations.csv";

export const ENTITY_CSV_COLUMNS = ["id", "name", "kind", "aliases", "description"] as const;
export const RELATION_CSV_COLUMNS = [
  "id",
  "type",
  "from",
  "to",
  "status",
  "description",
  "validFrom",
  "validTo",
  "attestedFrom",
  "expectedBy",
  "amount",
  "currency",
  "amountApproximate",
  "amountMeasure",
  "amountNote",
  "stakePercent",
  "exclusive",
  "role",
  "agreement",
  "source",
  "quotes",
  "referenceNote",
  "inferred",
] as const;

export class UnsupportedFileError extends Error {
  override readonly name = "UnsupportedFileError";
}

export function formatOf(file: string): FileFormat {
  const name = path.basename(file).toLowerCase();
  if (name.endsWith(".jsonl")) return "jsonl";
  if (name.endsWith(".entities.csv")) return "entities.csv";
  if (name.endsWith(".relations.csv")) return "relations.csv";
  throw new UnsupportedFileError(
    `${file}: unknown file type; import reads *.jsonl, *.entities.csv and *.relations.csv (see docs/import-format.md)`,
  );
}

export async function* readRecords(file: string): AsyncGenerator<RawRecord> {
  const format = formatOf(file);
  if (format === "jsonl") yield* readJsonLines(file);
  else yield* readCsv(file, format);
}

/** Lines split by hand from 1 MB chunks: readline's per-line events cost more than the parsing. */
async function* readJsonLines(file: string): AsyncGenerator<RawRecord> {
  const stream = fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
  let rest = "";
  let line = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    let end: number;
    while ((end = text.indexOf("\n", start)) !== -1) {
      line++;
      const record = parseLine(file, line, text.slice(start, end));
      if (record) yield record;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) {
    const record = parseLine(file, line + 1, rest);
    if (record) yield record;
  }
}

function parseLine(file: string, line: number, text: string): RawRecord | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("//")) return undefined;
  try {
    return { file, line, raw: JSON.parse(trimmed) as unknown };
  } catch (error) {
    return { file, line, parseError: `not valid JSON (${(error as Error).message})` };
  }
}

async function* readCsv(file: string, format: "entities.csv" | "relations.csv"): AsyncGenerator<RawRecord> {
  const expected: readonly string[] = format === "entities.csv" ? ENTITY_CSV_COLUMNS : RELATION_CSV_COLUMNS;
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true, columns: false }));
  let header: string[] | undefined;
  let overcounted = 0;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record } = item;
    // csv-parse gives the line a record ends on, and counts a CR LF inside a quoted cell as two
    // lines: the line a record starts on is worked out from its cells' own line breaks.
    let breaks = 0;
    for (const cell of record) {
      if (!cell.includes("\n") && !cell.includes("\r")) continue;
      const characters = cell.length - cell.replace(/[\r\n]/g, "").length;
      const lineBreaks = cell.match(/\r\n|\r|\n/g)?.length ?? 0;
      overcounted += characters - lineBreaks;
      breaks += lineBreaks;
    }
    const line = item.info.lines - overcounted - breaks;
    if (!header) {
      header = record.map((cell) => cell.trim());
      const unknown = header.filter((column) => !expected.includes(column));
      const missing = expected.filter((column) => !header?.includes(column) && ["id"].includes(column));
      if (unknown.length > 0 || missing.length > 0) {
        yield {
          file,
          line,
          parseError:
            `header: ${unknown.length > 0 ? `unknown column(s) ${unknown.join(", ")}` : `missing column(s) ${missing.join(", ")}`}; ` +
            `expected ${expected.join(",")}`,
        };
        return;
      }
      continue;
    }
    if (record.length !== header.length) {
      yield { file, line, parseError: `${record.length} cells where the header has ${header.length}` };
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((column, index) => {
      if (record[index].trim() !== "") cells[column] = record[index];
    });
    yield { file, line, raw: format === "entities.csv" ? entityOf(cells) : relationOf(cells) };
  }
}

function entityOf(cells: Record<string, string>): Record<string, unknown> {
  return {
    record: "entity",
    id: cells.id,
    name: cells.name,
    kind: cells.kind,
    aliases: cells.aliases
      ?.split("|")
      .map((alias) => alias.trim())
      .filter((alias) => alias !== ""),
    description: cells.description,
  };
}

/** Cells stay strings where they are not a number or a boolean, so validation names what is wrong. */
function relationOf(cells: Record<string, string>): Record<string, unknown> {
  const amount =
    // Any amount cell makes an amount, so a lone currency or note is checked, not dropped.
    [cells.amount, cells.currency, cells.amountApproximate, cells.amountMeasure, cells.amountNote].every(
      (cell) => cell === undefined,
    )
      ? undefined
      : {
          value: numberOrText(cells.amount),
          currency: cells.currency,
          approximate: booleanOrText(cells.amountApproximate),
          measure: cells.amountMeasure,
          note: cells.amountNote,
        };
  return {
    record: "relation",
    id: cells.id,
    type: cells.type,
    from: cells.from,
    to: cells.to,
    status: cells.status,
    description: cells.description,
    validFrom: cells.validFrom,
    validTo: cells.validTo,
    attestedFrom: cells.attestedFrom,
    expectedBy: cells.expectedBy,
    amount,
    stakePercent: numberOrText(cells.stakePercent),
    exclusive: booleanOrText(cells.exclusive),
    role: cells.role,
    agreement: cells.agreement,
    references: [
      {
        source: cells.source,
        quotes: cells.quotes?.split(/\r?\n/).filter((quote) => quote.trim() !== ""),
        note: cells.referenceNote,
        inferred: booleanOrText(cells.inferred),
      },
    ],
  };
}

function numberOrText(cell: string | undefined): number | string | undefined {
  if (cell === undefined) return undefined;
  const value = Number(cell.trim());
  return cell.trim() !== "" && Number.isFinite(value) ? value : cell;
}

function booleanOrText(cell: string | undefined): boolean | string | undefined {
  if (cell === undefined) return undefined;
  const trimmed = cell.trim().toLowerCase();
  return trimmed === "true" ? true : trimmed === "false" ? false : cell;
}
