// Entry of the browser host (`node out/node/serve.cjs [--port N] [--host 127.0.0.1]`): serves
// the built renderer and runs real workloads for it over /ws. Bundled to out/node/serve.cjs, so
// the worker entries and ../renderer are found relative to __dirname.
import { createRunService } from '../main/engine/run-service';
import { runHostCli } from './host-main';

void runHostCli(process.argv.slice(2), createRunService, __dirname);
