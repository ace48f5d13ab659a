import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { hasPermission, type Permission } from '../../src/domain/roles.ts';
import { ApiError, api } from './api/client.ts';
import type { User } from './api/types.ts';
import { forgetLocalStore } from './offline/forget.ts';
import { forgetRemembered, remember, remembered } from './offline/remembered.ts';

/**
 * Who is logged in, or null: a 401 is an answer here, not an error. With no network, the user of
 * the last visit (so that a field team's app opens offline); the first sync then finds out.
 */
export function useSession() {
  return useQuery({
    queryKey: ['session'],
    queryFn: () =>
      remembered('session', async () => {
        try {
          return (await api<{ user: User }>('/api/session')).user;
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return null;
          throw error;
        }
      }),
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
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
      remember('session', user);
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
      const user = client.getQueryData<User | null>(['session']);
      if (user) void forgetLocalStore(user.id);
      forgetRemembered();
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
