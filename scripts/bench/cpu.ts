/**
 * CPU time of a process, read from Linux's /proc: what a request costs in work, which the
 * machine's noise moves far less than throughput (a shared 2-core machine moves req/s by ±15 %
 * between runs; CPU per request by a few percent). Elsewhere there is no /proc: the bench prints "–".
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

let ticksPerSecond: number | undefined;

/** Clock ticks per second of /proc's counters (100 on every Linux we know; asked once). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User plus system CPU time the process has used so far, in ms; undefined without /proc or the process. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}

/** CPU spent by an implementation's process and by Neo4j while it was loaded, and over how many requests. */
export class CpuTally {
  processMs = 0;
  neo4jMs = 0;
  requests = 0;
  measured = true;

  /** Runs `work` (which answers how many requests it sent) and adds what the two processes spent on it. */
  async measure(processPid: number | undefined, neo4jPid: number | undefined, work: () => Promise<number>): Promise<void> {
    const before = [cpuMs(processPid), cpuMs(neo4jPid)];
    const requests = await work();
    const after = [cpuMs(processPid), cpuMs(neo4jPid)];
    if (before.some((value) => value === undefined) || after.some((value) => value === undefined)) {
      this.measured = false;
      return;
    }
    this.processMs += (after[0] as number) - (before[0] as number);
    this.neo4jMs += (after[1] as number) - (before[1] as number);
    this.requests += requests;
  }

  /** Milliseconds of CPU per request, the process's and Neo4j's together; NaN when not measured. */
  get perRequest(): number {
    return this.per(this.processMs + this.neo4jMs);
  }

  get processPerRequest(): number {
    return this.per(this.processMs);
  }

  get neo4jPerRequest(): number {
    return this.per(this.neo4jMs);
  }

  private per(ms: number): number {
    return this.measured && this.requests > 0 ? ms / this.requests : NaN;
  }
}
