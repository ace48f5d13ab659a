import type { Draft } from '../registry/draft.ts';

/** Sets one field of the person form's draft. */
export type SetDraft = <K extends keyof Draft>(key: K, value: Draft[K]) => void;

/** What every person field component takes: the draft it shows and where a change goes. */
export interface DraftProps {
  draft: Draft;
  onChange: SetDraft;
}
