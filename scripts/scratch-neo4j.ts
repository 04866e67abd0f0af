/**
 * A second, throw-away local Neo4j beside the project's own: for what must start from an empty
 * graph (the export → import → export round trip, the import benchmark) without touching the
 * graph the server and the other tests use. Same version and jars (shared with the main home),
 * its own home, data and port. `fresh` deletes its data first: an empty database in seconds,
 * where deleting a million relations takes minutes.
 */
import fs from "node:fs";
import path from "node:path";
import { defaultProjectRoot, loadConfig, type AppConfig } from "../src/config";
import { LocalNeo4j } from "./local-neo4j";

export interface ScratchNeo4j {
  readonly config: AppConfig;
  stop(): Promise<void>;
}

export async function startScratchNeo4j(options: {
  readonly name: string;
  readonly boltPort: number;
  readonly fresh: boolean;
  readonly heap?: string;
  readonly pageCache?: string;
  readonly log?: (line: string) => void;
  /** More settings for its configuration (NODE_ENV, LOG_LEVEL ...). */
  readonly env?: NodeJS.ProcessEnv;
}): Promise<ScratchNeo4j> {
  const root = defaultProjectRoot();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: "",
    LOCAL_NEO4J_HOME: `.neo4j-${options.name}`,
    LOCAL_NEO4J_BOLT_PORT: String(options.boltPort),
    LOCAL_NEO4J_HEAP: options.heap ?? "512m",
    LOCAL_NEO4J_PAGECACHE: options.pageCache ?? "256m",
    ...options.env,
  };
  delete env.NEO4J_PASSWORD;
  const config = loadConfig(env, root);
  const log = options.log ?? (() => undefined);
  const neo4j = new LocalNeo4j(config, root, log);
  const home = config.localNeo4j.home;
  if (options.fresh) {
    await neo4j.stop();
    fs.rmSync(path.join(home, "data"), { recursive: true, force: true });
  }
  // The jars are the main home's (same pinned version): linked, not downloaded again.
  const lib = `lib-${neo4j.version}`;
  const mainLib = path.join(loadConfig(process.env, root).localNeo4j.home, lib);
  const scratchLib = path.join(home, lib);
  if (!fs.existsSync(scratchLib) && fs.existsSync(mainLib)) {
    fs.mkdirSync(home, { recursive: true });
    fs.symlinkSync(mainLib, scratchLib, "dir");
  }
  await neo4j.start();
  return { config, stop: () => neo4j.stop() };
}
