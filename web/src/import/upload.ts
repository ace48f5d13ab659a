import { errorFrom } from '../api/client.ts';
import type { ImportSummary } from '../api/types.ts';

export type ImportPhase =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'uploading'; sent: number; total: number }
  | { phase: 'importing' }
  | { phase: 'done'; summary: ImportSummary }
  | { phase: 'failed'; error: unknown };

/**
 * Sends a site file to POST /api/import. XMLHttpRequest rather than fetch: it reports how much of
 * a large file has gone up, and the screen shows it.
 */
export function uploadSiteFile(file: File, onPhase: (phase: ImportPhase) => void): Promise<void> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/import');
    request.setRequestHeader('content-type', 'application/json');
    request.upload.onprogress = (event) =>
      onPhase({
        phase: 'uploading',
        sent: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    // Once every byte is up, the server checks and imports the file in one transaction.
    request.upload.onload = () => onPhase({ phase: 'importing' });
    request.onload = async () => {
      if (request.status >= 200 && request.status < 300)
        onPhase({ phase: 'done', summary: JSON.parse(request.responseText) as ImportSummary });
      else onPhase({ phase: 'failed', error: await errorFrom(request.status, request.responseText) });
      resolve();
    };
    request.onerror = () => {
      onPhase({ phase: 'failed', error: new Error('the connection to the server was lost') });
      resolve();
    };
    onPhase({ phase: 'uploading', sent: 0, total: file.size });
    request.send(file);
  });
}
