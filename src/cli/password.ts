import { readFileSync } from 'node:fs';
import { CorridorError } from '../domain/errors.ts';

/** Reads a password from a file: the first line, without its line ending. */
export function readPasswordFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CorridorError(
      'bad_request',
      `cannot read the password file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password) throw new CorridorError('bad_request', `the password file ${path} is empty`);
  return password;
}

/** Asks for a password on the terminal without echoing it; refuses when there is no terminal. */
export async function promptPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new CorridorError(
      'bad_request',
      'no terminal to ask for a password: give --admin-password-file or --password-file',
    );
  process.stdout.write(question);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let password = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          cleanup();
          process.stdout.write('\n');
          resolve(password);
          return;
        }
        if (char === '\u0003') {
          cleanup();
          reject(new CorridorError('bad_request', 'cancelled'));
          return;
        }
        if (char === '\u007f') password = password.slice(0, -1);
        else password += char;
      }
    };
    const cleanup = () => {
      process.stdin.off('data', onData);
      process.stdin.setRawMode(false);
      process.stdin.pause();
    };
    process.stdin.on('data', onData);
  });
}
