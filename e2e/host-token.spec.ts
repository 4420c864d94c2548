// The access token's two outside inputs, CORESCOPE_TOKEN and --token, on the real host: a good
// value becomes the token the printed address carries and /ws demands; a bad one is one line
// on stderr, exit 2, and no host (nothing printed on stdout, nothing listening).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { runHostExpectingExit, startHostProcess } from './support/host-process';
import { connect, mustConnect } from './support/ws-client';

const GOOD = 'env-chosen-token_0123456789';

/** Values no token may take: empty, too short, too long, characters an address cannot carry. */
const BAD: readonly (readonly [string, string])[] = [
  ['empty', ''],
  ['too short', 'abc123'],
  ['too long', 'a'.repeat(201)],
  ['a space', 'abcdefgh ijklmnopq'],
  ['URL characters', 'abcdefgh&ijklmnop=q'],
  ['non-ASCII', 'abcdefghijklmnopé'],
];

function withToken(value: string): NodeJS.ProcessEnv {
  return { ...process.env, CORESCOPE_TOKEN: value };
}

function withoutToken(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['CORESCOPE_TOKEN'];
  return env;
}

test('CORESCOPE_TOKEN sets the token: the address carries it and /ws demands it', async () => {
  const host = await startHostProcess(['--port', '0'], { env: withToken(GOOD) });
  try {
    const lines = host
      .output()
      .split('\n')
      .filter((l) => l.startsWith('CoreScope'));
    expect(lines).toEqual([`CoreScope: http://127.0.0.1:${host.port}/?token=${GOOD}`]);
    const bare = `ws://127.0.0.1:${host.port}/ws`;
    expect(await connect(bare, host.origin)).toBe(401);
    expect(await connect(`${bare}?token=${GOOD}x`, host.origin)).toBe(403);
    expect(await connect(`${bare}?token=${GOOD.slice(1)}`, host.origin)).toBe(403);
    const ok = await mustConnect(`${bare}?token=${GOOD}`, host.origin);
    ok.send(JSON.stringify({ id: 1, op: 'currentRun', args: [] }));
    expect(await ok.next()).toEqual({ kind: 'reply', id: 1, ok: true, value: null });
    ok.close();
  } finally {
    await host.stop();
  }
});

test('--token wins over CORESCOPE_TOKEN, even a bad one', async () => {
  const flag = 'flag-chosen-token_0123456789';
  const host = await startHostProcess(['--port', '0', '--token', flag], { env: withToken('') });
  try {
    expect(host.token).toBe(flag);
    expect(await connect(`ws://127.0.0.1:${host.port}/ws?token=${GOOD}`, host.origin)).toBe(403);
  } finally {
    await host.stop();
  }
});

for (const [what, value] of BAD) {
  test(`a bad token (${what}) is one clear line, exit 2, and no host`, async () => {
    // A library of its own: should the host wrongly start, it must not touch the real one.
    const library = mkdtempSync(join(tmpdir(), 'corescope-e2e-token-'));
    try {
      const base = ['--port', '0', '--library', library];
      const fromEnv = await runHostExpectingExit(base, { env: withToken(value) });
      expect(fromEnv.code).toBe(2);
      expect(fromEnv.stdout).toBe('');
      expect(fromEnv.stderr.trim().split('\n')).toEqual([
        'corescope-serve: CORESCOPE_TOKEN: token must be 16 to 200 letters, digits, - or _ (it goes into the page address)',
      ]);
      const fromFlag = await runHostExpectingExit([...base, '--token', value], {
        env: withoutToken(),
      });
      expect(fromFlag.code).toBe(2);
      expect(fromFlag.stdout).toBe('');
      const lines = fromFlag.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^corescope-serve: .*--token.*token must be 16 to 200 letters/);
    } finally {
      rmSync(library, { recursive: true, force: true });
    }
  });
}
