export type BinaryLookup =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly reason: string };
export declare function findElectronBinary(root: string, env?: NodeJS.ProcessEnv): BinaryLookup;
export declare function installElectron(root: string): Promise<BinaryLookup>;
export declare function ensureElectron(root: string): Promise<BinaryLookup>;
