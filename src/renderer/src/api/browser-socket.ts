// Adapts the browser's WebSocket to the small SocketLike the client is written against.
import type { SocketHandlers, SocketLike } from './ws-client';

export function createBrowserSocket(url: string, handlers: SocketHandlers): SocketLike {
  const ws = new WebSocket(url);
  let closed = false;
  const closeOnce = (): void => {
    if (closed) return;
    closed = true;
    handlers.onClose();
  };
  ws.addEventListener('open', () => handlers.onOpen());
  ws.addEventListener('message', (ev: MessageEvent<unknown>) => {
    if (typeof ev.data === 'string') handlers.onText(ev.data);
  });
  ws.addEventListener('error', closeOnce);
  ws.addEventListener('close', closeOnce);
  return {
    isOpen: () => ws.readyState === WebSocket.OPEN,
    send: (data) => ws.send(data),
    close: () => ws.close(),
  };
}
