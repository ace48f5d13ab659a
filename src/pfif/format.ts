// PFIF 1.4, the People Finder Interchange Format: the XML in which family-tracing registries
// exchange person records (someone sought or found) and note records (news about them).
// Field names and order are the specification's; every value is a string.

export const pfifNamespace = 'http://zesty.ca/pfif/1.4';

export const personFields = [
  'person_record_id',
  'entry_date',
  'expiry_date',
  'author_name',
  'author_email',
  'author_phone',
  'source_name',
  'source_date',
  'source_url',
  'full_name',
  'given_name',
  'family_name',
  'alternate_names',
  'description',
  'sex',
  'date_of_birth',
  'age',
  'home_street',
  'home_neighborhood',
  'home_city',
  'home_state',
  'home_postal_code',
  'home_country',
  'photo_url',
  'profile_urls',
] as const;
export type PersonField = (typeof personFields)[number];

export const noteFields = [
  'note_record_id',
  'person_record_id',
  'linked_person_record_id',
  'entry_date',
  'author_name',
  'author_email',
  'author_phone',
  'source_date',
  'author_made_contact',
  'status',
  'email_of_found_person',
  'phone_of_found_person',
  'last_known_location',
  'text',
  'photo_url',
] as const;
export type NoteField = (typeof noteFields)[number];

export const requiredPersonFields: readonly PersonField[] = ['person_record_id', 'source_date', 'full_name'];
export const requiredNoteFields: readonly NoteField[] = ['note_record_id', 'author_name', 'source_date'];

export const noteStatuses = [
  'information_sought',
  'is_note_author',
  'believed_alive',
  'believed_missing',
  'believed_dead',
] as const;

export type PfifPerson = Partial<Record<PersonField, string>> & { person_record_id: string };
export type PfifNote = Partial<Record<NoteField, string>> & {
  note_record_id: string;
  person_record_id: string;
};

/** A person record with the notes about it, as a document carries them. */
export interface PfifRecord {
  person: PfifPerson;
  notes: PfifNote[];
}

/** "domain/local id": the domain names the record's home repository. */
export const recordIdPattern = /^[A-Za-z0-9.-]+\.[A-Za-z0-9-]+\/\S+$/;
/** UTC, to the second: yyyy-mm-ddThh:mm:ssZ. */
export const utcPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** A time as PFIF writes it. */
export const pfifTime = (iso: string): string => `${iso.slice(0, 19)}Z`;
