/**
 * Splits a Cypher script into statements on the semicolons that end them, skipping those inside
 * strings ('…', "…", with backslash escapes), backtick identifiers and comments.
 */
export function splitCypherStatements(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < script.length) {
    const char = script[i];
    const next = script[i + 1];
    if (char === "/" && next === "/") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? script.length : end;
      continue;
    }
    if (char === "/" && next === "*") {
      const end = script.indexOf("*/", i + 2);
      i = end === -1 ? script.length : end + 2;
      continue;
    }
    if (char === "'" || char === '"' || char === "`") {
      const start = i;
      i += 1;
      while (i < script.length && script[i] !== char) i += char !== "`" && script[i] === "\\" ? 2 : 1;
      if (i >= script.length) throw new SyntaxError(`Unterminated ${char} string starting at offset ${start}`);
      current += script.slice(start, i + 1);
      i += 1;
      continue;
    }
    if (char === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      i += 1;
      continue;
    }
    current += char;
    i += 1;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
