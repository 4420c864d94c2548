// The window's keyboard: turns a key press into the controller's action (the map itself, and
// which keys a form field keeps, is lib/shortcuts.ts). Keys it does not use keep the browser's
// default behaviour.
import { shortcutFor } from '../lib/shortcuts';
import type { AppController } from './app-controller.svelte';

export function onKey(ctl: AppController, e: KeyboardEvent): void {
  if (e.defaultPrevented) return;
  const t = e.target;
  const action = shortcutFor({
    key: e.key,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    shiftKey: e.shiftKey,
    targetTag: t instanceof Element ? t.tagName : 'BODY',
    targetEditable: t instanceof HTMLElement && t.isContentEditable,
    replaying: ctl.replay.active,
  });
  if (action === undefined) return;
  const { lecture, replay } = ctl;
  switch (action.kind) {
    case 'run-or-cancel':
      ctl.primaryKey();
      break;
    case 'model':
      ctl.chooseModel(action.index);
      break;
    case 'compare':
      ctl.startCompare();
      break;
    case 'snapshot':
      void ctl.saving.save('png');
      break;
    case 'presentation':
      ctl.togglePresentation();
      break;
    case 'theme':
      lecture.nextTheme();
      break;
    case 'replay':
      ctl.toggleReplay();
      break;
    case 'step':
      replay.step(action.direction, action.coarse);
      break;
    case 'help':
      lecture.helpOpen = true;
      break;
    case 'escape':
      if (lecture.helpOpen) lecture.helpOpen = false;
      else if (lecture.presenting) ctl.togglePresentation();
      else return;
      break;
  }
  e.preventDefault();
}
