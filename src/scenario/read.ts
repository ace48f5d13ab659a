import { readFileSync } from 'node:fs';
import { CorridorError } from '../domain/errors.ts';
import { fileError } from './check.ts';

/** Reads and parses a site file, refusing a wrong encoding or broken JSON with a precise message. */
export function readSiteFile(path: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CorridorError(
      'bad_request',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  return parseSiteFileBytes(bytes);
}

export function parseSiteFileBytes(bytes: Uint8Array): unknown {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw fileError([{ path: '$', reason: 'the file is UTF-16; save it as UTF-8' }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw fileError([
      { path: '$', reason: `the file is not UTF-8 (invalid byte at offset ${at}); save it as UTF-8` },
    ]);
  }
  if (text.trim().length === 0) throw fileError([{ path: '$', reason: 'the file is empty' }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fileError([{ path: '$', reason: `the file is not valid JSON (${(error as Error).message})` }]);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection; a cut inside a multi-byte character is allowed for by
  // trying up to three bytes further.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    let ok = false;
    for (let extra = 0; extra < 4 && mid + extra <= bytes.length && !ok; extra++) {
      try {
        decoder.decode(bytes.subarray(0, mid + extra));
        ok = true;
      } catch {}
    }
    if (ok) low = mid;
    else high = mid - 1;
  }
  return low;
}
