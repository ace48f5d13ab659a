import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorridorError } from '../domain/errors.ts';
import { siteFileText } from './generate/site.ts';
import { parseJsonChunks, readJsonFile } from './read-stream.ts';

/** The bytes cut into pieces at the given sizes (cycled), as a file read in small chunks would be. */
function* pieces(bytes: Uint8Array, sizes: number[]): Generator<Uint8Array> {
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

const parse = (text: string | Uint8Array, sizes = [7, 1, 3, 64]) =>
  parseJsonChunks(pieces(typeof text === 'string' ? Buffer.from(text) : text, sizes));

/** The reason of the single problem a refused file gives. */
function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CorridorError);
    const problems = (error as CorridorError).details as {
      problems: Array<{ path: string; reason: string }>;
    };
    expect(problems.problems).toHaveLength(1);
    expect(problems.problems[0]!.path).toBe('$');
    return problems.problems[0]!.reason;
  }
  throw new Error('the input was accepted');
}

const chunkSizes = fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 });

describe('parseJsonChunks', () => {
  it('gives what JSON.parse gives, for any document cut anywhere (even inside a character)', () => {
    const document = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.string(), fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue())),
    );
    fc.assert(
      fc.property(document, fc.constantFrom(undefined, 0, 1, 2), chunkSizes, (value, indent, sizes) => {
        const text = JSON.stringify(value, null, indent);
        expect(parse(text, sizes)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every text JSON.parse refuses, and accepts every one it accepts', () => {
    // Small documents, so that every run stays cheap, and so does shrinking a failure.
    const value = fc.jsonValue({ maxDepth: 2 });
    const valid = fc.dictionary(
      fc.string({ maxLength: 4 }),
      fc.oneof(fc.array(value, { maxLength: 6 }), value),
      {
        maxKeys: 6,
      },
    );
    // Damaged documents: a character cut out, added or changed, or the end cut off.
    const damaged = fc
      .tuple(
        valid,
        fc.nat(),
        fc.constantFrom('', ',', ']', '}', '[', '{', '"', ':', '\\', 'x', '1', ' '),
        fc.boolean(),
      )
      .map(([value, at, insert, drop]) => {
        const text = JSON.stringify(value, null, 1);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(drop ? i + 1 : i);
      });
    fc.assert(
      fc.property(fc.oneof(damaged, fc.string()), chunkSizes, (text, sizes) => {
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          if (text.trim() === '') expect(reasonOf(() => parse(text, sizes))).toBe('the file is empty');
          // One line of text, whatever character broke the file.
          else
            expect(reasonOf(() => parse(text, sizes))).toMatch(
              /^the file is not valid JSON \([^\n\u2028\u2029]+ at line \d+, column \d+\)$/,
            );
          return;
        }
        expect(parse(text, sizes)).toStrictEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps "__proto__" an ordinary key and lets a repeated key win, as JSON.parse does', () => {
    const text = '{"__proto__":[1],"a":1,"a":[2]}';
    expect(parse(text)).toStrictEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(parse(text))).toBe(Object.prototype);
  });

  it('says on which line and column a broken record is, in one line of text', () => {
    const text = `{"people":[\n{"id":"a"},\n{"id": 01900000-broken}]}\n`;
    expect(reasonOf(() => parse(text))).toBe(
      'the file is not valid JSON (Unexpected number at line 3, column 9)',
    );
    expect(reasonOf(() => parse('{"people":[{"id":1},]}'))).toBe(
      "the file is not valid JSON (Unexpected token ']' at line 1, column 21)",
    );
    expect(reasonOf(() => parse('{"a":[1]'))).toBe(
      'the file is not valid JSON (Unexpected end of JSON input (the file may be truncated) at line 1, column 9)',
    );
    expect(reasonOf(() => parse('{"a":[\n[1,nul\n]]}'))).toBe(
      "the file is not valid JSON (Unexpected token '\\n' in the value starting at line 2, column 1)",
    );
    expect(reasonOf(() => parse('{"a":1} x'))).toBe(
      'the file is not valid JSON (Unexpected non-whitespace character after JSON at line 1, column 9)',
    );
  });

  it('refuses other encodings and a file cut inside a character, with the byte offset', () => {
    expect(reasonOf(() => parse(Buffer.from('\ufeff{"a":1}', 'utf16le')))).toBe(
      'the file is UTF-16; save it as UTF-8',
    );
    const latin1 = Buffer.from('{"name":"Ŝ","city":"Zürich"}', 'latin1');
    expect(reasonOf(() => parse(latin1))).toBe(
      `the file is not UTF-8 (invalid byte at offset ${latin1.indexOf(0xfc)}); save it as UTF-8`,
    );
    const cyrillic = Buffer.from('{"family":"Ірина"}');
    const cut = cyrillic.subarray(0, cyrillic.indexOf('Ірина') + 1);
    expect(reasonOf(() => parse(cut, [1]))).toBe(
      `the file ends in the middle of a character at offset ${cut.length - 1}: it is truncated`,
    );
    expect(reasonOf(() => parse(''))).toBe('the file is empty');
    expect(reasonOf(() => parse('\n\n  \n'))).toBe('the file is empty');
    expect(parse('\ufeff{"a":"б"}', [1])).toStrictEqual({ a: 'б' });
  });
});

describe('readJsonFile', () => {
  it('reads a generated site file in chunks to the same value as JSON.parse of the whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-read-'));
    try {
      const text = [...siteFileText({ people: 3000, seed: 5 })].join('');
      const path = join(dir, 'site.json');
      writeFileSync(path, text);
      expect(readJsonFile(path)).toStrictEqual(JSON.parse(text));
      expect(() => readJsonFile(join(dir, 'missing.json'))).toThrow(/^cannot read .*missing\.json: ENOENT$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
