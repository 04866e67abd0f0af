/**
 * Logs repeated failures as one line per kind per interval. During an outage every request fails
 * the same way; a line (with a driver stack) per failure buried the log at megabytes a minute.
 * The first failure of a kind is logged at once; the rest of its interval become one summary
 * line with their count, and a quiet interval ends the series.
 */
import type { Logger } from "./logger";

type Level = "warn" | "error";

interface Series {
  count: number;
  timer: NodeJS.Timeout;
}

export class FailureLog {
  private readonly series = new Map<string, Series>();

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** Records one failure of `kind`; `detail` is logged only with the first of a series. */
  record(kind: string, detail: Record<string, unknown> = {}, level: Level = "warn"): void {
    const open = this.series.get(kind);
    if (open) {
      open.count += 1;
      return;
    }
    this.logger[level]({ kind, ...detail }, `${kind} (more of the same are counted for ${this.intervalMs} ms)`);
    this.openSeries(kind, level);
  }

  private openSeries(kind: string, level: Level): void {
    const series: Series = {
      count: 0,
      timer: setTimeout(() => {
        this.series.delete(kind);
        if (series.count === 0) return;
        this.logger[level](
          { kind, count: series.count, intervalMs: this.intervalMs },
          `${kind}: ${series.count} more in ${this.intervalMs} ms`,
        );
        this.openSeries(kind, level);
      }, this.intervalMs),
    };
    series.timer.unref();
    this.series.set(kind, series);
  }
}
