export interface Probes {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  readonly home: string;
  readonly isExecutable: (path: string) => boolean;
  readonly playwrightChromium: () => string | undefined;
}
export type Source = 'CORESCOPE_CHROMIUM' | 'system' | 'playwright';
export type Lookup =
  | { readonly kind: 'found'; readonly path: string; readonly source: Source }
  | { readonly kind: 'bad-env'; readonly message: string }
  | { readonly kind: 'none' };
export declare function systemCandidates(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string[];
export declare function findChromium(probes: Probes): Lookup;
export declare function installAdvice(platform: NodeJS.Platform): string;
export declare function realProbes(root: string, env?: NodeJS.ProcessEnv): Probes;
export declare function ensureChromium(
  root: string,
): Promise<
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string }
>;
