// Loaded with `NODE_OPTIONS=--require …/fake-cores.cjs` into the browser host an e2e test
// starts, so the page draws CORESCOPE_FAKE_CORES core lanes on this small machine (presentation
// mode's screen fit is tested for a lecturer's 8- or 16-core laptop). Only os.cpus() of this one
// process changes: its entries repeat the real cores' (their tick counts included, so the OS
// sampler still reads real busy shares). The variable and this --require are taken out of the
// environment before anything runs, so the host's workers and child processes (the engine's
// real threads and processes, CPython) see the real machine. Without the variable: a no-op.
'use strict';
const os = require('node:os');

const raw = process.env.CORESCOPE_FAKE_CORES;
if (raw !== undefined) {
  delete process.env.CORESCOPE_FAKE_CORES;
  const opts = process.env.NODE_OPTIONS ?? '';
  const words = opts.split(/\s+/).filter((w) => w !== '');
  const out = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '--require' && /fake-cores\.cjs$/.test(words[i + 1] ?? '')) i++;
    else if (!/^--require=.*fake-cores\.cjs$/.test(words[i] ?? '')) out.push(words[i]);
  }
  const kept = out.join(' ');
  if (kept === '') delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = kept;

  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    process.stderr.write(
      `fake-cores: CORESCOPE_FAKE_CORES must be an integer 1..256, got "${raw}"\n`,
    );
    process.exit(2);
  }
  const real = os.cpus.bind(os);
  os.cpus = () => {
    const list = real();
    if (list.length === 0) return list;
    return Array.from({ length: count }, (_, i) => list[i % list.length]);
  };
}
