import { fileError } from './check.ts';
import { readJsonFile } from './read-stream.ts';

/**
 * Reads and parses a site file, refusing a wrong encoding or broken JSON with a precise message.
 * The file is read in chunks (read-stream.ts), so a file of a million people never becomes one string.
 */
export function readSiteFile(path: string): unknown {
  return readJsonFile(path);
}

export function parseSiteFileBytes(bytes: Uint8Array): unknown {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw fileError([{ path: '$', reason: 'the file is UTF-16; save it as UTF-8' }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    // A download or copy cut short can end inside a multi-byte character: that is a truncated
    // file, not a file in another encoding.
    if (isCutCharacter(bytes.subarray(at)))
      throw fileError([
        { path: '$', reason: `the file ends in the middle of a character at offset ${at}: it is truncated` },
      ]);
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

/** True for the first bytes of a multi-byte UTF-8 character and nothing after them. */
function isCutCharacter(tail: Uint8Array): boolean {
  const lead = tail[0];
  if (lead === undefined) return false;
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
  return length > tail.length && tail.subarray(1).every((byte) => byte >= 0x80 && byte <= 0xbf);
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
