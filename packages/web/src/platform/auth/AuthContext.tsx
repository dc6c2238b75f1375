import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, http, ok, setUnauthorizedHandler } from '../../api/client.ts';
import type { User } from '../../api/types.ts';

interface AuthValue {
  user: User | null;
  /** True until the initial /auth/me check has finished. */
  checking: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    let alive = true;
    ok(http.GET('/api/auth/me'))
      .then(
        (r) => alive && setUser(r.user),
        (e: unknown) => {
          if (!(e instanceof ApiError) || e.status !== 401) console.warn('auth/me failed', e);
        },
      )
      .finally(() => alive && setChecking(false));
    setUnauthorizedHandler(() => setUser(null));
    return () => {
      alive = false;
      setUnauthorizedHandler(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await ok(http.POST('/api/auth/login', { body: { username, password } }));
    setUser(r.user);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await http.POST('/api/auth/logout');
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, checking, login, logout }), [user, checking, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user; only for pages rendered inside the authenticated layout. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
