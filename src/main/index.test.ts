// Smoke test of the Electron main module with `electron` mocked (no binary here): the sandbox
// is enforced, the window gets the checklist preferences and the built page, the CSP hook and
// the IPC handlers (runs, library, desktop) are installed, run messages reach the window, and
// quitting disposes the engine before the app exits.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunMessage } from '../shared/contract';
import { testSummary } from '../shared/test-figures';
import { ipcChannel, OP_NAMES, RUN_MESSAGE_CHANNEL } from '../shared/operations';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const appHandlers = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: { options: unknown; loaded: string[]; sent: unknown[][] }[] = [];
  const runListeners: ((m: unknown) => void)[] = [];
  /** What app.getAppMetrics() answers: the window's renderer (pid 4242) and the GPU process. */
  const metrics = { renderer: 3, gpu: 1 };
  const calls: string[] = [];
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((r) => (ready = r));
  return {
    appHandlers,
    ipcHandlers,
    windows,
    runListeners,
    metrics,
    calls,
    whenReady,
    ready: () => ready(),
  };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => h.windows;
    readonly record: { options: unknown; loaded: string[]; sent: unknown[][] };
    readonly webContents: {
      id: number;
      send: (...args: unknown[]) => void;
      getOSProcessId: () => number;
    };
    constructor(options: unknown) {
      this.record = { options, loaded: [], sent: [] };
      h.windows.push(this.record);
      this.webContents = {
        id: 41,
        send: (...args) => void this.record.sent.push(args),
        getOSProcessId: () => 4242,
      };
    }
    once(): void {}
    on(): void {}
    isDestroyed(): boolean {
      return false;
    }
    setFullScreen(on: boolean): void {
      h.calls.push(`fullscreen:${on}`);
    }
    loadFile(path: string): Promise<void> {
      this.record.loaded.push(path);
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      enableSandbox: () => void h.calls.push('enableSandbox'),
      whenReady: () => h.whenReady,
      on: (event: string, fn: Listener) => void h.appHandlers.set(event, fn),
      quit: () => void h.calls.push('quit'),
      getPath: (name: string) => `/fake/${name}`,
      getAppMetrics: () => [
        { pid: 1, type: 'Browser', cpu: { cumulativeCPUUsage: 50 } },
        { pid: 4242, type: 'Tab', cpu: { cumulativeCPUUsage: h.metrics.renderer } },
        { pid: 77, type: 'GPU', cpu: { cumulativeCPUUsage: h.metrics.gpu } },
      ],
    },
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: Listener) => void h.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => void h.ipcHandlers.delete(channel),
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: () => void h.calls.push('csp'),
          onBeforeRequest: () => void h.calls.push('block-remote'),
        },
        setPermissionRequestHandler: () => void h.calls.push('permissions'),
        setPermissionCheckHandler: () => void h.calls.push('permission-check'),
      },
    },
  };
});

vi.mock('../workers/thread-entry?modulePath', () => ({ default: '/out/main/chunks/thread.js' }));
vi.mock('../workers/process-entry?modulePath', () => ({ default: '/out/main/chunks/process.js' }));

vi.mock('./engine/run-service', () => ({
  createRunService: (options: unknown) => {
    h.calls.push(`createRunService:${JSON.stringify(options)}`);
    return {
      machineInfo: () => ({ logicalCores: 2 }),
      listScenarios: () => [],
      startRun: () => ({ ok: false, error: 'x' }),
      cancelRun: () => undefined,
      currentRun: () => undefined,
      subscribe: (l: (m: unknown) => void) => {
        h.runListeners.push(l);
        return () => undefined;
      },
      dispose: () => {
        h.calls.push('dispose');
        return Promise.resolve();
      },
    };
  },
}));

beforeAll(async () => {
  await import('./index');
  h.ready();
  await h.whenReady;
  await new Promise((r) => setTimeout(r, 0));
});

describe('Electron main', () => {
  it('enforces the sandbox and hands the engine the worker entry files', () => {
    expect(h.calls[0]).toBe('enableSandbox');
    expect(h.calls).toContain(
      'createRunService:{"entries":{"thread":"/out/main/chunks/thread.js","process":"/out/main/chunks/process.js"}}',
    );
  });

  it('opens one locked-down window on the built page', () => {
    expect(h.windows).toHaveLength(1);
    const w = h.windows[0];
    expect(w?.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        devTools: false,
      },
    });
    expect(w?.loaded[0]).toMatch(/renderer[/\\]index\.html$/);
    expect(h.calls).toEqual(
      expect.arrayContaining(['csp', 'block-remote', 'permissions', 'permission-check']),
    );
  });

  it('guards every webContents and answers every operation of the table', () => {
    expect(h.appHandlers.has('web-contents-created')).toBe(true);
    expect([...h.ipcHandlers.keys()].sort()).toEqual(OP_NAMES.map(ipcChannel).sort());
    const handler = h.ipcHandlers.get(ipcChannel('machineInfo'));
    const foreign = {
      sender: { id: 99 },
      senderFrame: { url: 'https://evil.example/', parent: null },
    };
    expect(handler?.(foreign)).toEqual({
      ok: false,
      error: 'refused machineInfo: untrusted sender',
    });
  });

  it('sets the window full screen for its own page', async () => {
    const page = h.windows[0]?.loaded[0] ?? '';
    const event = { sender: { id: 41 }, senderFrame: { url: `file://${page}`, parent: null } };
    await h.ipcHandlers.get(ipcChannel('setFullScreen'))?.(event, true);
    expect(h.calls).toContain('fullscreen:true');
  });

  it('forwards run messages to the window', () => {
    const msg: RunMessage = { kind: 'error', runId: 'r', error: 'boom' };
    for (const l of h.runListeners) l(msg);
    expect(h.windows[0]?.sent).toEqual([[RUN_MESSAGE_CHANNEL, msg]]);
  });

  it("adds the window's renderer and GPU CPU during a run to the run's end", () => {
    const sent = h.windows[0]?.sent ?? [];
    const from = sent.length;
    const send = (m: RunMessage): void => {
      for (const l of h.runListeners) l(m);
    };
    send({ kind: 'events', runId: 'm', events: [] });
    h.metrics.renderer += 0.05;
    h.metrics.gpu += 0.02;
    send({ kind: 'end', runId: 'm', summary: testSummary({ observer: { drawMs: 9 } }) });
    const last = sent.slice(from).at(-1)?.[1];
    expect(last).toMatchObject({
      kind: 'end',
      summary: { observer: { drawMs: 9, rendererCpuMs: expect.closeTo(70, 6) } },
    });
  });

  it('disposes the engine before quitting', async () => {
    let prevented = false;
    h.appHandlers.get('before-quit')?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(h.calls).toContain('quit'));
    expect(h.calls.indexOf('dispose')).toBeLessThan(h.calls.indexOf('quit'));
    // The second before-quit (from app.quit()) goes through.
    let again = false;
    h.appHandlers.get('before-quit')?.({ preventDefault: () => (again = true) });
    expect(again).toBe(false);
  });
});
