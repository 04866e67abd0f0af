/** The server's Node flags (src/runtime-flags.ts) are on every command line that starts it. */
import fs from "node:fs";
import path from "node:path";
import { defaultProjectRoot } from "../../src/config";
import { SERVER_NODE_FLAGS } from "../../src/runtime-flags";

const root = defaultProjectRoot();
const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> })
  .scripts;
const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");

describe("the server's Node flags", () => {
  it("are few and each a V8 heap flag", () => {
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    for (const flag of SERVER_NODE_FLAGS) expect(flag).toMatch(/^--[a-z-]+=\d+$/);
  });

  it.each(["start", "serve"])("npm run %s passes them to node", (name) => {
    expect(scripts[name]).toContain(`node ${SERVER_NODE_FLAGS.join(" ")} dist/`);
  });

  it("the Dockerfile's CMD passes them to node", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(cmd).toBeDefined();
    const argv = JSON.parse(cmd as string) as string[];
    expect(argv.slice(0, 1 + SERVER_NODE_FLAGS.length)).toEqual(["node", ...SERVER_NODE_FLAGS]);
  });
});
