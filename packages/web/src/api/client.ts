/** The /api contract: `http`, a client typed by the generated schema (npm run api:generate). */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Lang = 'zh' | 'en';

export interface FieldIssue {
  path: string | (string | number)[];
  message: string;
  messages?: Partial<Record<Lang, string>>;
  code?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Partial<Record<Lang, string>>;
  readonly details: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    messages: Partial<Record<Lang, string>> = {},
    details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.details = details;
  }

  /** Message in the requested language, falling back to the one the server chose. */
  text(lang: Lang): string {
    return this.messages[lang] ?? this.message;
  }

  /** VALIDATION_FAILED details as a list of {path, message}. */
  fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue => typeof d === 'object' && d !== null && 'message' in d && 'path' in d,
    );
  }
}

let currentLang: Lang = 'zh';
let onUnauthorized: (() => void) | null = null;

export function setApiLanguage(lang: Lang): void {
  currentLang = lang;
}

/** Called when a request fails with 401 AUTH_REQUIRED (session expired). */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

const NETWORK_MESSAGES = { zh: '网络错误，请检查连接', en: 'Network error, please check your connection' };

function acceptLanguage(): string {
  return currentLang === 'zh' ? 'zh-CN,zh;q=0.9' : 'en';
}

/** An error answer (the ApiError schema) as the ApiError thrown to the caller; 401 AUTH_REQUIRED signs the user out. */
async function toApiError(res: Response): Promise<ApiError> {
  let e: Partial<components['schemas']['ApiError']> = {};
  try {
    e = (await res.json()) as typeof e;
  } catch {
    // not JSON: the status alone says what happened
  }
  const err = new ApiError(
    res.status,
    e.code ?? 'HTTP_ERROR',
    e.message ?? `HTTP ${res.status}`,
    e.messages ?? {},
    e.details,
  );
  if (res.status === 401 && err.code === 'AUTH_REQUIRED' && onUnauthorized) onUnauthorized();
  return err;
}

/** As before the typed client: empty filters ('', null, undefined) are left out of the query string. */
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  return params.toString();
}

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', acceptLanguage());
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await toApiError(response);
  },
  onError() {
    return new ApiError(0, 'NETWORK', NETWORK_MESSAGES.zh, NETWORK_MESSAGES);
  },
};

/**
 * The typed client: paths, parameters, bodies and answers come from the server's OpenAPI document. The session
 * cookie goes with every request; an error answer is thrown as ApiError, so `data` is the success body.
 */
export const http = createClient<paths>({ baseUrl: '', credentials: 'include', querySerializer });
http.use(session);

/** The success body of a typed call (errors were already thrown by the session middleware). */
export async function ok<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}
