/** Small statistics and number formatting shared by the benchmark reports. */

/** The median; for an even count the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? NaN) + upper) / 2;
}

/** 1234567.8 → `1,234,568`. */
export function formatInteger(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A rate in characters per second, rounded to thousands: `1,234,000`. */
export function formatRate(charsPerSecond: number): string {
  return formatInteger(Math.round(charsPerSecond / 1000) * 1000);
}

/** A share as a percentage with two decimals: 0.91234 → `91.23 %`. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(2)} %`;
}

/** Milliseconds, one decimal under 100 ms, whole above. */
export function formatMs(ms: number): string {
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${formatInteger(ms)} ms`;
}

/** Elapsed milliseconds of a synchronous call, with its result. */
export function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

/** The p-th percentile (0–100) by the nearest-rank method: a value that was measured. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}
