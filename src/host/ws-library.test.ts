// Library requests over the wire with a real library in a temp folder: every operation answers
// with the library's result, ids that could be paths never reach it, and only saveToLibrary may
// exceed the small frame limit.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunLibrary } from '../main/engine/library';
import { RunStore } from '../shared/run-store';
import { toRunFile } from '../shared/run-file';
import { handleRequest, MAX_LIBRARY_FRAME_BYTES, MAX_REQUEST_BYTES } from './ws-requests';
import { createFakeRunService, FAKE_MACHINE } from './testing/fake-run-service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corescope-wslib-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A run file padded with actors until its JSON passes `minBytes`. */
function runFile(minBytes = 0): unknown {
  const store = new RunStore({
    runId: 'r1',
    startedAt: '2026-01-01T00:00:00.000Z',
    params: {
      scenario: 'say-after',
      model: 'async',
      workers: 1,
      tasks: 2,
      size: 1,
      scale: 1,
      variant: 'blocking',
      trace: true,
    },
    machine: FAKE_MACHINE,
    clock: { source: 'test' },
  });
  for (let id = 0; JSON.stringify([...store.actors.values()]).length < minBytes; id++) {
    store.apply({
      kind: 'actor',
      actor: { id, kind: 'thread', label: 'x'.repeat(400), pid: 1, tid: id },
    });
  }
  const summary = {
    status: 'completed' as const,
    wallMs: 1,
    cpuMs: 0,
    coreBusy: [],
    osBusy: [],
    actors: 0,
    tasks: 0,
    tasksDone: 0,
    slices: 0,
    failures: [],
    clock: { source: 'test' },
  };
  return toRunFile(store, summary);
}

async function ask(value: unknown, withLibrary = true) {
  const service = createFakeRunService();
  const text = JSON.stringify(value);
  const library = withLibrary ? new RunLibrary({ dir }) : undefined;
  const out = await handleRequest(text, Buffer.byteLength(text), service, library);
  expect(service.calls).toEqual([]);
  return out;
}

describe('library requests', () => {
  it('save, list, open, rename and delete answer with the library result', async () => {
    const saved = await ask({
      id: 1,
      op: 'saveToLibrary',
      request: { file: runFile(), auto: true },
    });
    expect(saved).toMatchObject({ kind: 'reply', id: 1, ok: true, value: { ok: true } });
    const listed = await ask({ id: 2, op: 'listLibrary' });
    const [file] = await readdir(dir);
    const entryId = (file ?? '').replace('.corescope.json', '').replace('.meta.json', '');
    expect(listed).toMatchObject({ ok: true, value: { ok: true, value: [{ id: entryId }] } });
    expect(await ask({ id: 3, op: 'openFromLibrary', entryId })).toMatchObject({
      ok: true,
      value: { ok: true, value: { file: { format: 'corescope-run' } } },
    });
    expect(await ask({ id: 4, op: 'renameInLibrary', entryId, name: 'a/b' })).toMatchObject({
      ok: true,
      value: { ok: false, error: expect.stringMatching(/cannot contain/) },
    });
    expect(await ask({ id: 5, op: 'renameInLibrary', entryId, name: 'Demo' })).toMatchObject({
      value: { ok: true, value: { name: 'Demo' } },
    });
    expect(await ask({ id: 6, op: 'deleteFromLibrary', entryId })).toMatchObject({
      value: { ok: true, value: null },
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['a path as id', { id: 1, op: 'openFromLibrary', entryId: '../../etc/passwd' }],
    ['a dotted id', { id: 1, op: 'deleteFromLibrary', entryId: '..' }],
    ['a missing request', { id: 1, op: 'saveToLibrary' }],
    ['an extra key', { id: 1, op: 'listLibrary', dir: '/' }],
    ['a non-boolean auto', { id: 1, op: 'saveToLibrary', request: { file: {}, auto: 1 } }],
  ])('refuses %s before the library sees it', async (_name, value) => {
    expect(await ask(value)).toMatchObject({ kind: 'reply', id: 1, ok: false });
  });

  it('lets only saveToLibrary frames exceed the small limit', async () => {
    const file = runFile(MAX_REQUEST_BYTES + 1000);
    const big = await ask({ id: 1, op: 'saveToLibrary', request: { file, auto: false } });
    expect(big).toMatchObject({ ok: true, value: { ok: true } });
    const rename = await ask({
      id: 2,
      op: 'renameInLibrary',
      entryId: 'x',
      name: 'y'.repeat(MAX_REQUEST_BYTES),
    });
    expect(rename).toMatchObject({ kind: 'error', error: expect.stringMatching(/too large/) });
    // A big frame that claims to be a save but is another op is still refused after parsing.
    const text = `{"id":3,"op":"saveToLibrary","x":1,"op2":"${'z'.repeat(MAX_REQUEST_BYTES)}"}`;
    const out = await handleRequest(
      text,
      text.length,
      createFakeRunService(),
      new RunLibrary({ dir }),
    );
    expect(out).toMatchObject({ kind: 'reply', id: 3, ok: false });
  });

  it('answers a save over the big limit by its id, without parsing it', async () => {
    const text = '{"id":7,"op":"saveToLibrary","request":{"file":' + 'x'.repeat(100);
    const out = await handleRequest(text, MAX_LIBRARY_FRAME_BYTES + 1, createFakeRunService());
    expect(out).toMatchObject({
      kind: 'reply',
      id: 7,
      ok: false,
      error: expect.stringMatching(/too large to keep/),
    });
  });

  it('says so when the host has no library', async () => {
    expect(await ask({ id: 1, op: 'listLibrary' }, false)).toEqual({
      kind: 'reply',
      id: 1,
      ok: false,
      error: 'this host has no run library',
    });
  });
});
