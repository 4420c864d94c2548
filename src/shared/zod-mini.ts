// The schema library every shared schema is written with: zod/mini, with English messages.
//
// Why mini: the renderer bundles these schemas, and full zod's method-chaining classes pull in
// everything a schema could ever do (JSON Schema output, every string format), about 160 KB of
// the page's chunk. zod/mini is the same validation core with functions instead of methods, so
// only what the schemas use is bundled. Its issues and messages are the same as full zod's once
// the English locale is installed, which full zod does by itself and zod/mini does not: without
// the `config` call below every message would read "Invalid input".
//
// Import `z` from here, never from 'zod' or 'zod/mini' directly, so the locale is always set
// before any schema parses (dependency-cruiser's `no-full-zod-in-browser-code` keeps full zod out).
import { z } from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
