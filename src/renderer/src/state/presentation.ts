// Full screen for presentation mode: the desktop app asks its window (the host knows the
// screen); a browser asks the page. Either may refuse (a browser needs a user gesture); the mode
// itself still changes, so a refusal is not an error worth showing.
import type { CoreScopeApi } from '../../../shared/contract';

export function setFullScreen(api: CoreScopeApi, on: boolean): void {
  if (api.setFullScreen !== undefined) {
    void api.setFullScreen(on).catch(() => undefined);
  } else if (on && document.fullscreenElement === null) {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  } else if (!on && document.fullscreenElement !== null) {
    void document.exitFullscreen().catch(() => undefined);
  }
}
