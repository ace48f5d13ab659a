import { closeSync, openSync, readSync } from 'node:fs';
import { CorridorError } from '../domain/errors.ts';
import { fileError } from './check.ts';

// Reads a site file of any size without ever holding it as one string. A million-person file is
// about half a gigabyte: as one string it comes close to V8's limit on string length (2^29 − 24
// characters) and, with the bytes and the parsed records, needs several times its size in memory.
// Here the bytes are decoded a few megabytes at a time and split at the top level of the document:
// each element of the big lists (people, households …) is handed to JSON.parse on its own. The
// result is the same value JSON.parse would give, so validation and import are unchanged.

const chunkBytes = 4 << 20;

/** Reads and parses a JSON file in chunks; encoding and syntax errors are given as site file problems. */
export function readJsonFile(path: string): unknown {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new CorridorError(
      'bad_request',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  try {
    return parseJsonChunks(fileChunks(fd));
  } finally {
    closeSync(fd);
  }
}

function* fileChunks(fd: number): Generator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  for (;;) {
    const read = readSync(fd, buffer, 0, chunkBytes, null);
    if (read === 0) return;
    yield buffer.subarray(0, read);
  }
}

const problem = (reason: string) => fileError([{ path: '$', reason }]);

/**
 * Parses a JSON document given as a sequence of byte chunks (each may be reused by the caller once
 * the next is asked for). UTF-8 only, as the site file format requires.
 */
export function parseJsonChunks(chunks: Iterable<Uint8Array>): unknown {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const parser = new TopLevelParser();
  let offset = 0;
  // The undecoded end of the previous chunk (an incomplete character), to locate an error.
  let carried: Uint8Array = new Uint8Array(0);
  for (const chunk of chunks) {
    if (
      offset === 0 &&
      chunk.length >= 2 &&
      ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
    )
      throw problem('the file is UTF-16; save it as UTF-8');
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const bytes = concat(carried, chunk);
      const bad = firstInvalid(bytes);
      const at = offset - carried.length + (bad?.offset ?? 0);
      throw problem(`the file is not UTF-8 (invalid byte at offset ${at}); save it as UTF-8`);
    }
    carried = incompleteTail(chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : concat(carried, chunk));
    offset += chunk.length;
    parser.feed(text);
  }
  try {
    parser.feed(decoder.decode());
  } catch (error) {
    if (error instanceof CorridorError) throw error;
    const at = offset - carried.length;
    throw problem(`the file ends in the middle of a character at offset ${at}: it is truncated`);
  }
  return parser.end();
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The last bytes of a chunk that begin a character the chunk does not finish (at most three). */
function incompleteTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return new Uint8Array(0);
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? bytes.slice(bytes.length - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

/** The first byte that does not start a valid UTF-8 sequence (the rules TextDecoder applies). */
export function firstInvalid(bytes: Uint8Array): { offset: number; incomplete: boolean } | undefined {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) need = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2;
      if (byte === 0xe0) lower = 0xa0;
      if (byte === 0xed) upper = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3;
      if (byte === 0xf0) lower = 0x90;
      if (byte === 0xf4) upper = 0x8f;
    } else return { offset: i, incomplete: false };
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return { offset: i, incomplete: true };
      const next = bytes[i + k]!;
      if (next < lower || next > upper) return { offset: i, incomplete: false };
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return undefined;
}

enum Mode {
  RootStart,
  KeyOrEnd,
  Key,
  KeyString,
  Colon,
  Value,
  ElementOrEnd,
  Element,
  AfterElement,
  AfterValue,
  Done,
  Body,
}

enum Body {
  Container,
  String,
  Primitive,
}

const isJsonSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Where a value being collected goes once it is parsed. */
type Target = 'root' | 'property' | 'element';

/**
 * Splits the text of a JSON document at its top level: the root object's keys and values, and the
 * elements of any list that is the value of a key. Each value or element is collected, possibly over
 * several pieces of text, and parsed with JSON.parse; the punctuation between them is checked here.
 */
class TopLevelParser {
  private mode = Mode.RootStart;
  private root: Record<string, unknown> | undefined;
  private value: unknown;
  private key = '';
  private list: unknown[] | undefined;
  // the value being collected
  private parts: string[] = [];
  private body = Body.Container;
  private target: Target = 'root';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private afterBody = Mode.Done;
  private bodyLine = 1;
  private bodyColumn = 1;
  // where we are, for messages
  private line = 1;
  private lineStart = 0;
  private consumed = 0;
  private oddSpace: { line: number; column: number } | undefined;
  private keyAt = { line: 1, column: 1 };
  private sawText = false;

  feed(text: string): void {
    const n = text.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        this.line++;
        this.lineStart = this.consumed + i + 1;
      }
      switch (this.mode) {
        case Mode.Body: {
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (c === 0x5c) this.escaped = true;
            else if (c === 0x22) {
              this.inString = false;
              if (this.body === Body.String) {
                this.finish(text.slice(start, i + 1));
              }
            }
          } else if (this.body === Body.Container) {
            if (c === 0x22) this.inString = true;
            else if (c === 0x7b || c === 0x5b) this.depth++;
            else if (c === 0x7d || c === 0x5d) {
              if (--this.depth === 0) this.finish(text.slice(start, i + 1));
            }
          } else if (isJsonSpace(c) || c === 0x2c || c === 0x5d || c === 0x7d) {
            // A primitive ends before its delimiter, which the next mode reads again.
            if (c === 0x0a) this.line--;
            this.finish(text.slice(start, i));
            i--;
          }
          continue;
        }
        case Mode.KeyString:
          if (this.escaped) this.escaped = false;
          else if (c === 0x5c) this.escaped = true;
          else if (c === 0x22) {
            this.parts.push(text.slice(start, i + 1));
            this.key = this.parseKey(this.parts.join(''));
            this.parts = [];
            this.mode = Mode.Colon;
          }
          continue;
      }
      if (isJsonSpace(c)) continue;
      switch (this.mode) {
        case Mode.RootStart:
          if (/\s/.test(text[i]!)) {
            this.oddSpace ??= this.here(i);
            continue;
          }
          this.sawText = true;
          if (this.oddSpace) this.syntax('Unexpected whitespace that JSON does not allow', this.oddSpace);
          if (c === 0x7b) {
            this.root = {};
            this.value = this.root;
            this.mode = Mode.KeyOrEnd;
          } else start = this.begin(text, i, 'root', Mode.Done);
          break;
        case Mode.KeyOrEnd:
        case Mode.Key:
          if (c === 0x22) {
            this.mode = Mode.KeyString;
            this.escaped = false;
            this.parts = [];
            this.keyAt = this.here(i);
            start = i;
          } else if (c === 0x7d && this.mode === Mode.KeyOrEnd) this.mode = Mode.Done;
          else this.unexpected(text, i);
          break;
        case Mode.Colon:
          if (c === 0x3a) this.mode = Mode.Value;
          else this.unexpected(text, i);
          break;
        case Mode.Value:
          if (c === 0x2c || c === 0x5d || c === 0x7d) this.unexpected(text, i);
          else if (c === 0x5b) {
            this.list = [];
            this.assign(this.list);
            this.mode = Mode.ElementOrEnd;
          } else start = this.begin(text, i, 'property', Mode.AfterValue);
          break;
        case Mode.ElementOrEnd:
        case Mode.Element:
          if (c === 0x5d && this.mode === Mode.ElementOrEnd) this.mode = Mode.AfterValue;
          else if (c === 0x5d || c === 0x2c || c === 0x7d) this.unexpected(text, i);
          else start = this.begin(text, i, 'element', Mode.AfterElement);
          break;
        case Mode.AfterElement:
          if (c === 0x2c) this.mode = Mode.Element;
          else if (c === 0x5d) this.mode = Mode.AfterValue;
          else this.unexpected(text, i);
          break;
        case Mode.AfterValue:
          if (c === 0x2c) this.mode = Mode.Key;
          else if (c === 0x7d) this.mode = Mode.Done;
          else this.unexpected(text, i);
          break;
        case Mode.Done:
          this.syntax(`Unexpected non-whitespace character after JSON`, this.here(i));
      }
    }
    // Keep the unfinished part of a value or key for the next piece.
    if (this.mode === Mode.Body || this.mode === Mode.KeyString) this.parts.push(text.slice(start));
    this.consumed += n;
  }

  end(): unknown {
    if (this.mode === Mode.Body && this.body === Body.Primitive && this.target === 'root') {
      this.finish('');
    }
    if (this.mode === Mode.RootStart && !this.sawText) throw problem('the file is empty');
    if (this.mode !== Mode.Done)
      this.syntax('Unexpected end of JSON input (the file may be truncated)', this.here(0));
    return this.value;
  }

  /** Starts collecting a value at text[i]; returns where its text starts. */
  private begin(text: string, i: number, target: Target, after: Mode): number {
    const c = text.charCodeAt(i);
    this.mode = Mode.Body;
    this.target = target;
    this.afterBody = after;
    this.parts = [];
    this.escaped = false;
    const at = this.here(i);
    this.bodyLine = at.line;
    this.bodyColumn = at.column;
    if (c === 0x7b || c === 0x5b) {
      this.body = Body.Container;
      this.depth = 1;
      this.inString = false;
    } else if (c === 0x22) {
      this.body = Body.String;
      this.inString = true;
    } else {
      this.body = Body.Primitive;
      this.inString = false;
    }
    return i;
  }

  private finish(last: string): void {
    this.parts.push(last);
    const text = this.parts.length === 1 ? last : this.parts.join('');
    this.parts = [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.valueError(text, error);
    }
    if (this.target === 'root') this.value = parsed;
    else if (this.target === 'element') this.list!.push(parsed);
    else this.assign(parsed);
    this.mode = this.afterBody;
  }

  private assign(value: unknown): void {
    // As JSON.parse does: a later duplicate key wins, and "__proto__" is an ordinary key.
    Object.defineProperty(this.root!, this.key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }

  private parseKey(text: string): string {
    try {
      return JSON.parse(text) as string;
    } catch (error) {
      this.syntax(cleaned(error), this.keyAt);
    }
  }

  private valueError(text: string, error: unknown): never {
    const position = /at position (\d+)/.exec((error as Error).message);
    let line = this.bodyLine;
    let column = this.bodyColumn;
    if (position) {
      const k = Number(position[1]);
      const before = text.slice(0, k);
      const newline = before.lastIndexOf('\n');
      if (newline >= 0) {
        line += before.split('\n').length - 1;
        column = k - newline;
      } else column += k;
    }
    const where = position ? '' : ' in the value starting';
    throw problem(`the file is not valid JSON (${cleaned(error)}${where} at line ${line}, column ${column})`);
  }

  private unexpected(text: string, i: number): never {
    this.syntax(`Unexpected token '${shown(text[i]!)}'`, this.here(i));
  }

  private syntax(message: string, at: { line: number; column: number }): never {
    throw problem(`the file is not valid JSON (${message} at line ${at.line}, column ${at.column})`);
  }

  private here(i: number): { line: number; column: number } {
    return { line: this.line, column: this.consumed + i - this.lineStart + 1 };
  }
}

/** V8's message without its position (given as line and column instead) or its quote of the input. */
function cleaned(error: unknown): string {
  const message = (error as Error).message;
  const token = /^Unexpected token '([\s\S]*?)', (?:\.\.\.)?"/.exec(message);
  if (token) return `Unexpected token '${shown(token[1]!)}'`;
  return message.replace(/ in JSON at position \d+[\s\S]*$/, '');
}

/** A character as a message can show it: control characters escaped, so the message stays one line. */
const shown = (text: string): string =>
  text.replace(
    /[\p{Cc}\u2028\u2029]/gu,
    (c) => escapes[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
