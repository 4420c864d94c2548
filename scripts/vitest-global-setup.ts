// Engine tests start real worker threads and child processes from built JavaScript entries.
import { buildNode } from './build-node.mjs';

export default async function setup(): Promise<void> {
  await buildNode();
}
