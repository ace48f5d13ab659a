import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonStatus } from '../../../src/domain/lifecycle.ts';
import { api } from '../api/client.ts';
import type { Person } from '../api/types.ts';

/**
 * Moves a person along the lifecycle. The status the screen showed is sent as expectedStatus, so a
 * change someone else made in the meantime is refused rather than overwritten.
 */
export function useStatusChange(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { person: Person; status: PersonStatus; reason?: string }) =>
      api<Person>(`/api/people/${change.person.id}/status`, {
        method: 'POST',
        body: {
          status: change.status,
          expectedStatus: change.person.status,
          ...(change.reason ? { reason: change.reason } : {}),
        },
      }),
    onSuccess: (person) => {
      void client.invalidateQueries({ queryKey: ['site', siteId] });
      void client.invalidateQueries({ queryKey: ['person', person.id] });
    },
  });
}
