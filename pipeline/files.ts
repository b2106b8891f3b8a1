// Reading and writing the pipeline's own JSON files.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** A JSON file's content, or undefined when it is missing or unreadable (a first run). */
export function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Writes a file whole or not at all: readers see the old or the new file, never half of one. */
export function writeAtomically(file: string, text: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
