// The Electron binary for the `_electron` test, found the way `npm start` finds it (without
// require('electron'), which would try to download one).
import { findElectronBinary as find, type BinaryLookup } from '../../scripts/lib/electron.mjs';
import { ROOT } from './paths';

export type { BinaryLookup };

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): BinaryLookup {
  return find(ROOT, env);
}
