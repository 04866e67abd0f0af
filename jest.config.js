/**
 * Unit tests (tests/unit) need nothing; integration tests (tests/integration) need the Neo4j
 * that `npm test` starts and seeds first (see "pretest" in package.json).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleFileExtensions: ["ts", "js", "json"],
  testTimeout: 60000,
  maxWorkers: 2,
  setupFiles: ["reflect-metadata", "<rootDir>/tests/compile-at-first-sight.ts"],
};
