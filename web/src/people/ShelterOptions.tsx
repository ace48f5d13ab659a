export interface ShelterOption {
  id: string;
  code: string;
  name: string | null;
}

/** A shelter as the app names it: its code, and its name after a dash where it has one. */
export const shelterTitle = (shelter: ShelterOption): string =>
  shelter.name ? `${shelter.code} — ${shelter.name}` : shelter.code;

/** One option a shelter, by id, for a select that chooses one. */
export function ShelterOptions({ shelters }: { shelters: readonly ShelterOption[] }) {
  return (
    <>
      {shelters.map((shelter) => (
        <option key={shelter.id} value={shelter.id}>
          {shelterTitle(shelter)}
        </option>
      ))}
    </>
  );
}
