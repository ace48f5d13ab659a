/** An error answered by the Corridor API, in its one shape {"error": {"code", "message", "details"}}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

export async function errorFrom(status: number, text: string): Promise<ApiError> {
  try {
    const body = JSON.parse(text) as ErrorBody;
    return new ApiError(
      status,
      body.error?.code ?? 'http_error',
      body.error?.message ?? `HTTP ${status}`,
      body.error?.details,
    );
  } catch {
    return new ApiError(status, 'http_error', `HTTP ${status}`);
  }
}

/** Calls the API with the session cookie; JSON in, JSON out; an error answer becomes an ApiError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  if (!response.ok) throw await errorFrom(response.status, await response.text());
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
