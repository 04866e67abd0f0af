/**
 * Pure parts of the import: validation of one record, the CSV reader's line numbers and cells,
 * and how rows for one fact are folded before they reach Cypher.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { oneRowPerKey } from "../../src/knowledge/knowledge.repository";
import { checkRecord, type Issue } from "../../src/knowledge/knowledge.validation";
import { readRecords, type RawRecord } from "../../src/knowledge/record-reader";
import { RELATION_CSV_COLUMNS } from "../../src/knowledge/record-reader";

const issuesOf = (raw: unknown): Issue[] => {
  const checked = checkRecord(raw);
  return checked.ok ? [] : checked.issues;
};

const relation = (overrides: Record<string, unknown> = {}) => ({
  record: "relation",
  id: "acme-invests-in-beta-labs",
  type: "INVESTS_IN",
  from: "acme",
  to: "beta-labs",
  status: "COMPLETED",
  description: "Acme invests in Beta Labs.",
  validFrom: "2024",
  references: [{ source: "note", quotes: ["Acme invested."] }],
  ...overrides,
});

describe("checkRecord", () => {
  it("accepts a well-formed relation", () => {
    expect(checkRecord(relation())).toMatchObject({ ok: true });
  });

  it("refuses one source cited by two references of a record (its quotes would be merged away)", () => {
    const issues = issuesOf(
      relation({
        references: [
          { source: "note", quotes: ["Acme invested."] },
          { source: "other", quotes: ["Acme did invest."] },
          { source: "note", quotes: ["In 2024."] },
        ],
      }),
    );
    expect(issues).toEqual([
      {
        path: "references[2].source",
        message: 'source "note" is already cited by references[0]; give all its quotes in one reference',
      },
    ]);
  });

  it("refuses the holes of a sparse list instead of skipping them", () => {
    // eslint-disable-next-line no-sparse-arrays
    const quotes = ["Acme invested.", , "In 2024."];
    const references = [{ source: "note", quotes }];
    // eslint-disable-next-line no-sparse-arrays
    const sparseReferences = [{ source: "note", quotes: ["Acme invested."] }, ,];
    expect(issuesOf(relation({ references }))).toEqual([expect.objectContaining({ path: "references[0].quotes[1]" })]);
    expect(issuesOf(relation({ references: sparseReferences }))).toEqual([expect.objectContaining({ path: "references[1]" })]);
  });
});

describe("readRecords (CSV)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-reader-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function read(name: string, text: string): Promise<RawRecord[]> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const out: RawRecord[] = [];
    for await (const record of readRecords(file)) out.push(record);
    return out;
  }

  const row = (cells: Record<string, string>) =>
    RELATION_CSV_COLUMNS.map((column) => {
      const value = cells[column] ?? "";
      return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    }).join(",");

  it.each([
    ["LF", "\n"],
    ["CR LF", "\r\n"],
  ])("gives each row the line it starts on, after quoted cells spanning lines (%s)", async (_name, eol) => {
    const text = [
      RELATION_CSV_COLUMNS.join(","),
      row({ id: "first", quotes: `One line${eol}and another` }),
      row({ id: "second" }),
      "",
      row({ id: "third", quotes: `a${eol}b${eol}c` }),
      row({ id: "fourth" }),
    ].join(eol);
    const records = await read(`lines-${eol.length}.relations.csv`, text + eol);
    expect(records.map((record) => [(record.raw as { id: string }).id, record.line])).toEqual([
      ["first", 2],
      ["second", 4],
      ["third", 6],
      ["fourth", 9],
    ]);
  });

  it("keeps an amount whose only cell is its currency or note, so validation can name what is missing", async () => {
    const text = [RELATION_CSV_COLUMNS.join(","), row({ id: "lone-currency", currency: "USD" }), row({ id: "none" })].join("\n");
    const records = await read("amounts.relations.csv", text);
    expect((records[0].raw as { amount?: unknown }).amount).toMatchObject({ currency: "USD" });
    expect((records[1].raw as { amount?: unknown }).amount).toBeUndefined();
    expect(issuesOf(records[0].raw).map((issue) => issue.path)).toContain("amount.value");
  });
});

describe("oneRowPerKey", () => {
  it("folds rows for one fact into one row, merging references by source (a later one replaces the same source's)", () => {
    const rows = [
      { id: "r1", facts: 1, sourceIds: ["a"], references: ["a1"] },
      { id: "r2", facts: 2, sourceIds: ["a"], references: ["a2"] },
      { id: "r1", facts: 3, sourceIds: ["b"], references: ["b1"] },
      { id: "r1", facts: 4, sourceIds: ["a", "c"], references: ["a1'", "c1"] },
    ];
    expect(oneRowPerKey(rows, (row) => row.id)).toEqual([
      { id: "r1", facts: 4, sourceIds: ["a", "b", "c"], references: ["a1'", "b1", "c1"] },
      { id: "r2", facts: 2, sourceIds: ["a"], references: ["a2"] },
    ]);
  });
});
