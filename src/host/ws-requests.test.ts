// Each WebSocket frame is size-checked, parsed and its envelope checked before any handler runs;
// the operation's arguments are checked against the table. Library requests go to a real
// library in a temp folder.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunLibrary } from '../main/engine/library';
import { engineHandlers } from '../main/engine/operation-handlers';
import { MAX_RUN_FILE_FRAME_BYTES, SMALL_REQUEST_BYTES } from '../shared/operations';
import { TEST_MACHINE, testRunFile } from '../shared/test-figures';
import { handleRequest } from './ws-requests';
import { createFakeRunService } from './testing/fake-run-service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corescope-wsreq-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function send(value: unknown, withLibrary = false) {
  const service = createFakeRunService();
  const library = withLibrary ? new RunLibrary({ dir }) : undefined;
  const handlers = engineHandlers({ service, ...(library === undefined ? {} : { library }) });
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { out: await handleRequest(Buffer.from(text), handlers), service };
}

describe('handleRequest', () => {
  it('answers machineInfo with the id echoed', async () => {
    expect((await send({ id: 7, op: 'machineInfo', args: [] })).out).toEqual({
      kind: 'reply',
      id: 7,
      ok: true,
      value: TEST_MACHINE,
    });
  });

  it('delegates startRun and answers with the run meta', async () => {
    const { out, service } = await send({
      id: 1,
      op: 'startRun',
      args: [{ scenario: 'cpu-bound', model: 'threads' }],
    });
    expect(service.calls).toEqual(['startRun']);
    expect(out).toMatchObject({ kind: 'reply', id: 1, ok: true, value: { runId: 'run-1' } });
  });

  it('delegates cancelRun and currentRun', async () => {
    const cancel = await send({ id: 2, op: 'cancelRun', args: ['run-1'] });
    expect(cancel.service.calls).toEqual(['cancelRun:run-1']);
    expect(cancel.out).toEqual({ kind: 'reply', id: 2, ok: true, value: null });
    const current = await send({ id: 3, op: 'currentRun', args: [] });
    expect(current.out).toEqual({ kind: 'reply', id: 3, ok: true, value: null });
  });

  it.each([
    ['not json', '{nope'],
    ['an array', [1, 2]],
    ['an unknown op', { id: 1, op: 'rm -rf', args: [] }],
    ['an inherited name as op', { id: 1, op: 'constructor', args: [] }],
    ['an Electron-only op', { id: 1, op: 'setFullScreen', args: [true] }],
    ['a missing id', { op: 'machineInfo', args: [] }],
    ['missing args', { id: 1, op: 'machineInfo' }],
    ['a negative id', { id: -1, op: 'machineInfo', args: [] }],
    ['an extra key', { id: 3, op: 'machineInfo', args: [], evil: true }],
    ['an extra argument', { id: 3, op: 'machineInfo', args: [1] }],
    ['an empty runId', { id: 4, op: 'cancelRun', args: [''] }],
    ['a huge runId', { id: 5, op: 'cancelRun', args: ['x'.repeat(101)] }],
  ])('rejects %s and calls nothing', async (_name, value) => {
    const { out, service } = await send(value);
    expect(service.calls).toEqual([]);
    expect(out.kind === 'error' || (out.kind === 'reply' && !out.ok)).toBe(true);
  });

  it('replies to the request id when the malformed request has one', async () => {
    expect((await send({ id: 3, op: 'machineInfo', args: [], evil: true })).out).toMatchObject({
      kind: 'reply',
      id: 3,
      ok: false,
    });
  });

  it('refuses a small operation over the small limit before parsing', async () => {
    const { out, service } = await send({
      id: 1,
      op: 'startRun',
      args: [{ pad: 'x'.repeat(SMALL_REQUEST_BYTES) }],
    });
    expect(out).toMatchObject({
      kind: 'reply',
      id: 1,
      ok: false,
      error: expect.stringMatching(/startRun is too large/),
    });
    expect(service.calls).toEqual([]);
  });

  it('answers invalid run parameters with the rule that failed', async () => {
    const { out, service } = await send({
      id: 9,
      op: 'startRun',
      args: [{ scenario: 'cpu-bound', model: 'threads', workers: 0 }],
    });
    expect(out).toEqual({ kind: 'reply', id: 9, ok: false, error: 'workers must be from 1 to 64' });
    expect(service.calls).toEqual([]);
  });
});

describe('library requests', () => {
  it('save, list, open, rename and delete reach the library', async () => {
    const ask = async (value: unknown) => (await send(value, true)).out;
    const saved = await ask({
      id: 1,
      op: 'saveToLibrary',
      args: [{ file: testRunFile(), auto: true }],
    });
    expect(saved).toMatchObject({ kind: 'reply', id: 1, ok: true, value: { status: 'ok' } });
    const [file] = await readdir(dir);
    const entryId = (file ?? '').replace('.corescope.json', '').replace('.meta.json', '');
    expect(await ask({ id: 2, op: 'listLibrary', args: [] })).toMatchObject({
      ok: true,
      value: [{ id: entryId }],
    });
    expect(await ask({ id: 3, op: 'openFromLibrary', args: [entryId] })).toMatchObject({
      ok: true,
      value: { file: { format: 'corescope-run' } },
    });
    expect(await ask({ id: 4, op: 'renameInLibrary', args: [entryId, 'a/b'] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot contain/),
    });
    expect(await ask({ id: 5, op: 'renameInLibrary', args: [entryId, 'Demo'] })).toMatchObject({
      ok: true,
      value: { name: 'Demo' },
    });
    expect(await ask({ id: 6, op: 'deleteFromLibrary', args: [entryId] })).toMatchObject({
      ok: true,
      value: null,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['a path as id', { id: 1, op: 'openFromLibrary', args: ['../../etc/passwd'] }],
    ['a dotted id', { id: 1, op: 'deleteFromLibrary', args: ['..'] }],
    ['a missing request', { id: 1, op: 'saveToLibrary', args: [] }],
    ['an extra argument', { id: 1, op: 'listLibrary', args: ['/'] }],
    ['a non-boolean auto', { id: 1, op: 'saveToLibrary', args: [{ file: {}, auto: 1 }] }],
  ])('refuses %s before the library sees it', async (_name, value) => {
    expect((await send(value, true)).out).toMatchObject({ kind: 'reply', id: 1, ok: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets only saveToLibrary frames exceed the small limit', async () => {
    const file = testRunFile('r1', { minBytes: SMALL_REQUEST_BYTES + 1000 });
    const big = await send({ id: 1, op: 'saveToLibrary', args: [{ file, auto: false }] }, true);
    expect(big.out).toMatchObject({ ok: true, value: { status: 'ok' } });
    const rename = await send(
      { id: 2, op: 'renameInLibrary', args: ['x', 'y'.repeat(SMALL_REQUEST_BYTES)] },
      true,
    );
    expect(rename.out).toMatchObject({
      kind: 'reply',
      id: 2,
      ok: false,
      error: expect.stringMatching(/too large/),
    });
    // A big frame whose start claims a save but which is another op is refused after parsing.
    const text = `{"id":3,"op":"saveToLibrary","args":[],"op":"renameInLibrary","x":"${'z'.repeat(SMALL_REQUEST_BYTES)}"}`;
    expect((await send(text, true)).out).toMatchObject({ kind: 'reply', id: 3, ok: false });
  });

  it('answers a save over its limit by its id, without parsing it, and names the limit', async () => {
    const frame = Buffer.alloc(MAX_RUN_FILE_FRAME_BYTES + 1, 0x20);
    frame.write('{"id":7,"op":"saveToLibrary","args":[{"file":');
    const out = await handleRequest(frame, engineHandlers({ service: createFakeRunService() }));
    expect(out).toMatchObject({
      kind: 'reply',
      id: 7,
      ok: false,
      error: expect.stringMatching(
        /^the run is too large to keep: 96\.0 MiB .* at most 96\.0 MiB per request/,
      ),
    });
  });

  it('says so when the host has no library', async () => {
    expect((await send({ id: 1, op: 'listLibrary', args: [] })).out).toEqual({
      kind: 'reply',
      id: 1,
      ok: false,
      error: 'this host has no run library',
    });
  });
});
