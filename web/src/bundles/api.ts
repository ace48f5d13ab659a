// POST /api/sync/bundles (src/server/routes/bundles.ts) as the bundle import page uses it, typed by
// the server's own schema.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { BundleImport } from '../../../src/server/schemas/bundles.ts';
import { ApiError, api } from '../api/client.ts';

export type BundleImportResult = Static<typeof BundleImport>;

/** A file that is not JSON at all: refused here, before anything is sent. */
export class NotJsonError extends Error {}

/** Which explanation (bundles:why.*) fits a refusal; the server's own message is shown with it. */
export function refusalOf(error: unknown): string {
  if (error instanceof NotJsonError) return 'notJson';
  if (!(error instanceof ApiError)) return 'other';
  if (error.status === 413) return 'tooLarge';
  if (error.code === 'validation_failed' || error.code === 'malformed_json') return 'shape';
  if (error.code === 'unknown_reference') return 'unknownDevice';
  if (error.code === 'forbidden') return 'disabled';
  if (error.code === 'bad_request') return 'tampered';
  return 'other';
}

async function importBundle(file: File): Promise<BundleImportResult> {
  let body: unknown;
  try {
    body = JSON.parse(await file.text());
  } catch {
    throw new NotJsonError(`${file.name} is not JSON`);
  }
  return api<BundleImportResult>('/api/sync/bundles', { method: 'POST', body });
}

export function useImportBundle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: importBundle,
    // Whatever the bundle changed (people, passages, headcounts), every screen reads it afresh.
    onSuccess: () => client.invalidateQueries(),
  });
}
