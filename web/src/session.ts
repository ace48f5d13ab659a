import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { hasPermission, type Permission } from '../../src/domain/roles.ts';
import { ApiError, api } from './api/client.ts';
import type { User } from './api/types.ts';

/** Who is logged in, or null: a 401 is an answer here, not an error. */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        return (await api<{ user: User }>('/api/session')).user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

// Nothing another user's session fetched may stay in memory. The session query itself stays, so
// that the screens watching it see the new answer.
const forgetAllButSession = (client: QueryClient) =>
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      api<{ user: User }>('/api/session', { method: 'POST', body: credentials }),
    onSuccess: ({ user }) => {
      forgetAllButSession(client);
      client.setQueryData(['session'], user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/session', { method: 'DELETE' }),
    onSettled: () => {
      forgetAllButSession(client);
      client.setQueryData(['session'], null);
    },
  });
}

/** The same permission table the server checks (src/domain/roles.ts): screens show what the role may use. */
export function useCan(): (permission: Permission) => boolean {
  const { data: user } = useSession();
  return (permission) => Boolean(user && hasPermission(user.role, permission));
}
