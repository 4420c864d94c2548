// The real computations the scenarios run. Each works in chunks and calls `tick` between them so
// the recorder can notice migrations and preemption, and the GIL can be handed over.

/** Iterations per chunk: ~80 µs on a typical core, so ticks cost well under 1 % of the work. */
export const CHUNK = 65_536;

/** An integer-mixing loop the JIT cannot fold away (each step depends on the last). */
export function mix(iterations: number, seed: number): number {
  let s = seed | 0;
  for (let i = 0; i < iterations; i++) s = (Math.imul(s ^ i, 0x9e3779b1) + (s >>> 15)) | 0;
  return s;
}

export function burn(iterations: number, seed: number, tick: () => void): number {
  let s = seed | 0;
  let left = iterations;
  while (left > 0) {
    const k = left < CHUNK ? left : CHUNK;
    s = mix(k, s);
    left -= k;
    tick();
  }
  return s;
}

/** Adler-style checksum over a buffer, `passes` times, ticking every 64 KiB. */
export function checksum(data: Uint8Array, passes: number, seed: number, tick: () => void): number {
  let a = (seed & 0xffff) | 1;
  let b = (seed >>> 16) & 0xffff;
  for (let p = 0; p < passes; p++) {
    for (let off = 0; off < data.length; off += CHUNK) {
      const end = Math.min(data.length, off + CHUNK);
      for (let i = off; i < end; i++) {
        a = (a + (data[i] ?? 0)) % 65_521;
        b = (b + a) % 65_521;
      }
      tick();
    }
  }
  return ((b << 16) | a) >>> 0;
}
