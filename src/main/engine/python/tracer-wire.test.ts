// The tracer's wire format: what the tracer sends parses; anything else (the script under study
// can write to the same socket) is dropped, never trusted.
import { describe, expect, it } from 'vitest';
import { parseTracerLine } from './tracer-wire';

describe('parseTracerLine', () => {
  it('reads hello and batches with events and open calls', () => {
    expect(parseTracerLine('{"hello":[10,9,5000,"main",true,"cpython 3.11.7",10]}')).toEqual({
      kind: 'hello',
      hello: {
        pid: 10,
        ppid: 9,
        tNs: 5000,
        name: 'main',
        gil: true,
        version: 'cpython 3.11.7',
        mainTid: 10,
      },
    });
    const line = parseTracerLine(
      '{"t":900,"ev":[["task","10:1","fib(3)",null,100,"asyncio"],["call",10,"blocked",100,200,"10:1"],["step","10:1",10,90,210]],"open":[[11,"sleeping",300,null]]}',
    );
    expect(line).toEqual({
      kind: 'batch',
      tNs: 900,
      events: [
        { kind: 'task', key: '10:1', label: 'fib(3)', parent: undefined, tNs: 100 },
        { kind: 'call', tid: 10, state: 'blocked', t0: 100, t1: 200, key: '10:1' },
        { kind: 'step', key: '10:1', tid: 10, t0: 90, t1: 210 },
      ],
      open: [{ tid: 11, state: 'sleeping', t0: 300, key: undefined }],
    });
  });

  it('drops malformed lines and events', () => {
    expect(parseTracerLine('not json')).toBeUndefined();
    expect(parseTracerLine('[1,2]')).toBeUndefined();
    expect(parseTracerLine('{"hello":[1]}')).toBeUndefined();
    const line = parseTracerLine(
      '{"t":5,"ev":[["call",1,"running",1,2,null],["step","k",1,5,4],["nope"],7,["done","k",3]]}',
    );
    expect(line).toEqual({
      kind: 'batch',
      tNs: 5,
      events: [{ kind: 'done', key: 'k', tNs: 3 }],
      open: [],
    });
  });
});
