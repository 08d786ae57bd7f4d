/** Reading the CLI's input: a file or stdin, strictly UTF-8, as lines. */
import { readFileSync } from 'node:fs';

/** A failure the user caused (bad file, bad option): one line on stderr and exit code 2. */
export class UsageError extends Error {}

/** Reads a file (or stdin for `-` / no argument) and decodes it as strict UTF-8. */
export function readInputText(path: string | undefined): string {
  let bytes: Buffer;
  try {
    bytes = path === undefined || path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${path ?? 'stdin'}: ${reason}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UsageError(`${path ?? 'stdin'} is not valid UTF-8`);
  }
}

/** Splits text into lines, accepting \n and \r\n, without a phantom empty line at the end. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
