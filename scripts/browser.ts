/**
 * The browser the browser tests drive: Debian's `chromium` (playwright-core never downloads one,
 * and the machine's network reaches only package registries).
 *
 *   node dist/scripts/browser.js ensure   install it with apt-get if it is missing (npm test does this)
 *   node dist/scripts/browser.js path     print where it is
 *
 * CHROMIUM_PATH points at another Chromium; then nothing is installed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const DEFAULT_PATH = "/usr/bin/chromium";

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH?.trim() || DEFAULT_PATH;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}`);
}

function ensure(): void {
  const path = chromiumPath();
  if (fs.existsSync(path)) {
    console.log(`Chromium: ${path}`);
    return;
  }
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH is ${path}, which does not exist.`);
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasSudo = !isRoot && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;
  const hasAptGet = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (!hasAptGet || (!isRoot && !hasSudo)) {
    throw new Error(
      `The browser tests need Chromium at ${DEFAULT_PATH}. Install Debian's package (apt-get install chromium) ` +
        "or set CHROMIUM_PATH to a Chromium or Chrome binary.",
    );
  }
  const prefix = isRoot ? [] : ["sudo", "-n"];
  console.log("Chromium is missing: installing Debian's chromium for the browser tests (a minute or two) ...");
  const apt = (args: string[]) =>
    prefix.length ? run(prefix[0], [...prefix.slice(1), "apt-get", ...args]) : run("apt-get", args);
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "chromium"]);
  if (!fs.existsSync(path)) throw new Error(`apt-get installed chromium, but ${path} is still missing.`);
  console.log(`Chromium installed: ${path}`);
}

const command = process.argv[2];
try {
  if (command === "ensure") ensure();
  else if (command === "path") console.log(chromiumPath());
  else {
    console.error("usage: browser.js ensure|path");
    process.exit(2);
  }
} catch (error) {
  console.error(`browser: ${(error as Error).message}`);
  process.exit(1);
}
