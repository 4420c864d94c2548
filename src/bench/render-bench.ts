// Renderer figures, measured in Debian's Chromium on the built renderer (filled in once the
// renderer exposes its drawing entry point).
export interface RenderFigures {
  readonly draw100kMs: number;
  readonly pan1mFrameMs: number;
  readonly pan1mFrameP95Ms: number;
}

export async function renderBench(outDir: string): Promise<RenderFigures | undefined> {
  void outDir;
  return undefined;
}
