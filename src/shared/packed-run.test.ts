// What the page's file-opening worker posts back: a run packed to plain data (structured-clone
// safe, slice columns in their own buffer) unpacks to the same run; the event cap is checked on
// the text before parsing; the build reports progress.
import { describe, expect, it } from 'vitest';
import { MAX_FOREIGN_EVENTS } from './foreign-trace';
import { openRunText, tooManyEvents } from './open-file';
import { packRun, unpackRun } from './packed-run';

const trace = JSON.stringify({
  traceEvents: [
    { ph: 'M', name: 'thread_name', pid: 7, tid: 70, args: { name: 'main' } },
    { ph: 'X', name: 'a', ts: 5000, dur: 4000, pid: 7, tid: 70, args: { cpu: 0 } },
    { ph: 'X', name: 'b', ts: 6000, dur: 9000, pid: 7, tid: 71, args: { cpu: 1 } },
    { ph: 'X', name: 'bad', ts: 'soon', pid: 7, tid: 71 },
  ],
});

describe('packRun / unpackRun', () => {
  it('survive structured clone and give back the same run', () => {
    const opened = openRunText(trace, 't.json');
    if (!opened.ok) throw new Error(opened.error);
    const packed = packRun(opened.run);
    expect(packed.slices.buffer).not.toBe(opened.run.store.slices.buffer);
    const back = unpackRun(structuredClone(packed, { transfer: [packed.slices.buffer] }));
    const a = opened.run.store;
    const b = back.store;
    expect(Array.from(b.slices)).toEqual(Array.from(a.slices));
    expect([...b.actors.entries()]).toEqual([...a.actors.entries()]);
    expect([...b.tasks.entries()]).toEqual([...a.tasks.entries()]);
    expect([...b.tasksDone.entries()]).toEqual([...a.tasksDone.entries()]);
    expect(b.failures).toEqual(a.failures);
    expect(b.endUs).toBe(a.endUs);
    expect(b.meta).toEqual(a.meta);
    expect({ ...back, store: undefined }).toEqual({ ...opened.run, store: undefined });
  });
});

describe('opening large traces', () => {
  it('refuses more events than the view can show before parsing, in one line', () => {
    const over = `[${'{"ph":"X"},'.repeat(MAX_FOREIGN_EVENTS)}{"ph":"X"}]`;
    const error = tooManyEvents(over, 'huge.json');
    expect(error).toMatch(/^Cannot open huge\.json: it has more than 1,000,000 events/);
    expect(error).not.toContain('\n');
    expect(openRunText(over, 'huge.json')).toEqual({ ok: false, error });
    expect(tooManyEvents(trace, 't.json')).toBeUndefined();
  });

  it('reports build progress up to the number of events', () => {
    const events = Array.from({ length: 120_000 }, (_, i) => ({
      ph: 'X',
      name: 'n',
      ts: i,
      dur: 1,
      pid: 1,
      tid: 1,
    }));
    const seen: [number, number][] = [];
    const r = openRunText(JSON.stringify(events), 'p.json', (done, total) =>
      seen.push([done, total]),
    );
    expect(r.ok).toBe(true);
    expect(seen).toEqual([
      [0, 120_000],
      [50_000, 120_000],
      [100_000, 120_000],
    ]);
  });
});
