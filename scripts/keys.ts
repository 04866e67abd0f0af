/**
 * API keys on the command line (issue 10):
 *   `npm run keys -- create --role reader|editor|admin --name NAME`
 *        prints the new key on stdout, alone on its line, once (the server keeps only its
 *        hash); what was done goes to stderr, so `KEY=$(npm run --silent keys -- create …)` works.
 *   `npm run keys -- revoke --name NAME`   the key stops working (within AUTH_KEY_CACHE_MS on a
 *        running server); its name is never reused.
 *   `npm run keys -- list`   name, role, created, revoked; never a key nor a hash.
 *
 * Exit codes: 0 done, 1 Neo4j or configuration failure, 2 bad arguments, 3 the name is taken,
 * 4 no key has the name. One line on stderr says why; never a stack trace.
 */
import { GraphQLError } from "graphql";
import { ApiKeyRepository, type ApiKeyRecord } from "../src/auth/api-key.repository";
import { ApiKeyService } from "../src/auth/api-key.service";
import { ErrorCode, ServiceUnavailableError } from "../src/common/errors";
import { ConfigError, loadConfig } from "../src/config";
import { FailureLog } from "../src/failure-log";
import { createDriver } from "../src/graph/driver";
import { QueryRunner } from "../src/graph/query-runner";
import { createLogger } from "../src/logger";

const USAGE = "use: create --role reader|editor|admin --name NAME | revoke --name NAME | list";

const EXIT = { failure: 1, usage: 2, nameTaken: 3, unknownName: 4 } as const;

class UsageError extends Error {}

/** `--name alice` or `--name=alice`; every option must be one the command knows, given once. */
function parseOptions(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`Unexpected argument "${arg}"; ${USAGE}.`);
    const [, name, inline] = match;
    if (!allowed.includes(name)) throw new UsageError(`Unknown option --${name}; ${USAGE}.`);
    if (options.has(name)) throw new UsageError(`--${name} is given twice; ${USAGE}.`);
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      throw new UsageError(`--${name} needs a value; ${USAGE}.`);
    options.set(name, value);
  }
  return options;
}

function required(options: Map<string, string>, name: string): string {
  const value = options.get(name);
  if (value === undefined) throw new UsageError(`--${name} is required; ${USAGE}.`);
  return value;
}

/** Checks the arguments before anything connects to Neo4j. */
function plan(command: string | undefined, args: readonly string[]): (service: ApiKeyService) => Promise<void> {
  const checked = <T>(check: () => T): T => {
    try {
      return check();
    } catch (error) {
      if (error instanceof GraphQLError) throw new UsageError(`${error.message} ${USAGE}.`);
      throw error;
    }
  };
  switch (command) {
    case "create": {
      const options = parseOptions(args, ["role", "name"]);
      const role = checked(() => ApiKeyService.checkRole(required(options, "role")));
      const name = checked(() => ApiKeyService.checkName(required(options, "name")));
      return async (service) => {
        const { key, record } = await service.create(name, role);
        process.stdout.write(`${key}\n`);
        console.error(
          `keys: created "${record.name}" (${record.role}) at ${record.createdAt}. The key above is shown this once; ` +
            "the server keeps only its hash. Send it as `Authorization: Bearer <key>`.",
        );
      };
    }
    case "revoke": {
      const options = parseOptions(args, ["name"]);
      const name = checked(() => ApiKeyService.checkName(required(options, "name")));
      return async (service) => {
        const { key, wasRevoked } = await service.revoke(name);
        console.log(
          wasRevoked
            ? `keys: "${key.name}" was already revoked at ${key.revokedAt}.`
            : `keys: revoked "${key.name}" (${key.role}) at ${key.revokedAt}; running servers refuse it within AUTH_KEY_CACHE_MS.`,
        );
      };
    }
    case "list": {
      parseOptions(args, []);
      return async (service) => printList(await service.list());
    }
    default:
      throw new UsageError(`Unknown command "${command ?? ""}"; ${USAGE}.`);
  }
}

function printList(keys: readonly ApiKeyRecord[]): void {
  if (keys.length === 0) {
    console.error("keys: no API keys yet; create one with `npm run keys -- create --role editor --name NAME`.");
    return;
  }
  const rows = [["NAME", "ROLE", "CREATED", "REVOKED"], ...keys.map((k) => [k.name, k.role, k.createdAt, k.revokedAt ?? "-"])];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join("  ")
        .trimEnd(),
    );
}

async function main(command: string | undefined, args: string[]): Promise<void> {
  const run = plan(command, args);
  const config = loadConfig();
  // A command line reports what failed in one line; the driver's own warnings are for LOG_LEVEL=debug.
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : "error");
  const driver = createDriver(config.neo4j, new FailureLog(logger, config.http.failureLogIntervalMs));
  try {
    await run(new ApiKeyService(new ApiKeyRepository(new QueryRunner(driver, config.neo4j))));
  } finally {
    await driver.close();
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  if (error instanceof UsageError) {
    console.error(`keys: ${error.message}`);
    process.exitCode = EXIT.usage;
  } else if (code === ErrorCode.CONFLICT) {
    console.error(`keys: ${(error as Error).message}`);
    process.exitCode = EXIT.nameTaken;
  } else if (code === ErrorCode.NOT_FOUND) {
    console.error(`keys: ${(error as Error).message} \`npm run keys -- list\` lists the names.`);
    process.exitCode = EXIT.unknownName;
  } else if (error instanceof ServiceUnavailableError) {
    console.error(`keys: cannot reach Neo4j: ${error.message} (npm run neo4j:start starts the project's own).`);
    process.exitCode = EXIT.failure;
  } else {
    const known = error instanceof ConfigError || error instanceof GraphQLError;
    console.error(`keys: ${known ? (error as Error).message : `failed: ${(error as Error).message}`}`);
    process.exitCode = EXIT.failure;
  }
});
