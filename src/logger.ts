import pino from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs on stdout (pipe through `pino-pretty` to read them by eye). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "knowledge-graph-server" } });
}
