// Each WebSocket frame is size-checked, parsed and validated before the service sees it.
import { describe, expect, it } from 'vitest';
import { handleRequest, MAX_REQUEST_BYTES, type Outgoing } from './ws-requests';
import { createFakeRunService, FAKE_MACHINE } from './testing/fake-run-service';

/** Run requests are answered synchronously; library ones (ws-library.test.ts) are not. */
function sync(out: Outgoing | Promise<Outgoing>): Outgoing {
  if (out instanceof Promise) throw new Error('expected a synchronous answer');
  return out;
}

const send = (value: unknown) => {
  const service = createFakeRunService();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { out: sync(handleRequest(text, Buffer.byteLength(text), service)), service };
};

describe('handleRequest', () => {
  it('answers machineInfo with the id echoed', () => {
    expect(send({ id: 7, op: 'machineInfo' }).out).toEqual({
      kind: 'reply',
      id: 7,
      ok: true,
      value: FAKE_MACHINE,
    });
  });

  it('delegates startRun and passes the service result through', () => {
    const { out, service } = send({
      id: 1,
      op: 'startRun',
      params: { scenario: 'cpu-bound', model: 'threads' },
    });
    expect(service.calls).toEqual(['startRun']);
    expect(out).toMatchObject({ kind: 'reply', id: 1, ok: true, value: { ok: true } });
  });

  it('delegates cancelRun', () => {
    const { out, service } = send({ id: 2, op: 'cancelRun', runId: 'run-1' });
    expect(service.calls).toEqual(['cancelRun:run-1']);
    expect(out).toEqual({ kind: 'reply', id: 2, ok: true, value: null });
  });

  it.each([
    ['not json', '{nope'],
    ['an array', [1, 2]],
    ['an unknown op', { id: 1, op: 'rm -rf' }],
    ['a missing id', { op: 'machineInfo' }],
    ['a negative id', { id: -1, op: 'machineInfo' }],
    ['an extra key', { id: 3, op: 'machineInfo', evil: true }],
    ['an empty runId', { id: 4, op: 'cancelRun', runId: '' }],
    ['a huge runId', { id: 5, op: 'cancelRun', runId: 'x'.repeat(101) }],
  ])('rejects %s and calls nothing', (_name, value) => {
    const { out, service } = send(value);
    expect(service.calls).toEqual([]);
    expect(out.kind === 'error' || (out.kind === 'reply' && !out.ok)).toBe(true);
  });

  it('replies to the request id when the malformed request has one', () => {
    expect(send({ id: 3, op: 'machineInfo', evil: true }).out).toMatchObject({
      kind: 'reply',
      id: 3,
      ok: false,
    });
  });

  it('refuses frames over the size limit before parsing', () => {
    const service = createFakeRunService();
    const text = JSON.stringify({
      id: 1,
      op: 'startRun',
      params: { pad: 'x'.repeat(MAX_REQUEST_BYTES) },
    });
    const out = handleRequest(text, Buffer.byteLength(text), service);
    expect(out).toMatchObject({ kind: 'error', error: expect.stringMatching(/too large/) });
    expect(service.calls).toEqual([]);
  });

  it('returns invalid run parameters as a StartResult error', () => {
    const { out } = send({
      id: 9,
      op: 'startRun',
      params: { scenario: 'cpu-bound', model: 'threads', workers: 0 },
    });
    expect(out).toMatchObject({
      kind: 'reply',
      id: 9,
      ok: true,
      value: { ok: false, error: expect.stringMatching(/workers/) },
    });
  });
});
