// The browser host's access token, as Jupyter has one: any local process can forge an Origin
// header, so the Origin and Host checks alone let every local user start workloads and read or
// delete the run library. The token is a secret only the user who started the host sees (it is
// printed once, in the page's address); the WebSocket refuses any upgrade without it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The environment variable that sets the token for scripts (the --token flag wins). */
export const TOKEN_ENV = 'CORESCOPE_TOKEN';

/** Query parameter of the page address and of the WebSocket URL. */
export const TOKEN_PARAM = 'token';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,200}$/;

/** Why `token` cannot be used, or undefined when it can. */
export function tokenProblem(token: string): string | undefined {
  return TOKEN_PATTERN.test(token)
    ? undefined
    : 'token must be 16 to 200 letters, digits, - or _ (it goes into the page address)';
}

/** 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares in constant time (hashing first makes the lengths equal). */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export type TokenCheck = 'ok' | 'missing' | 'wrong';

/** Checks the token in a request's URL (path and query as the request line has them). */
export function checkRequestToken(requestUrl: string | undefined, expected: string): TokenCheck {
  const given = new URL(requestUrl ?? '/', 'http://127.0.0.1').searchParams.get(TOKEN_PARAM);
  if (given === null || given === '') return 'missing';
  return tokenMatches(given, expected) ? 'ok' : 'wrong';
}
