import { splitCypherStatements } from "../../src/db/cypher-script";

describe("splitCypherStatements", () => {
  it("splits on semicolons that end statements", () => {
    expect(splitCypherStatements("RETURN 1;\nRETURN 2;\n")).toEqual(["RETURN 1", "RETURN 2"]);
  });

  it("keeps semicolons inside strings, identifiers and escapes", () => {
    const script = `CREATE (:A {q: "a ; b", r: 'c ; d', s: "say \\"hi;\\""});\nMATCH (\`odd;name\`) RETURN 1;`;
    expect(splitCypherStatements(script)).toEqual([
      `CREATE (:A {q: "a ; b", r: 'c ; d', s: "say \\"hi;\\""})`,
      "MATCH (`odd;name`) RETURN 1",
    ]);
  });

  it("drops comments, including ones holding semicolons", () => {
    const script = "// first; comment\nRETURN 1; /* block; comment */ RETURN 2 // trailing;\n";
    expect(splitCypherStatements(script)).toEqual(["RETURN 1", "RETURN 2"]);
  });

  it("keeps a final statement without a semicolon and ignores empty ones", () => {
    expect(splitCypherStatements(";;RETURN 1;  ;RETURN 2")).toEqual(["RETURN 1", "RETURN 2"]);
  });

  it("reports an unterminated string", () => {
    expect(() => splitCypherStatements('RETURN "open;')).toThrow(/Unterminated " string/);
  });
});
