// Plain-words messages shown in the window (role="alert"): failed starts, worker failures, lost
// connections. Each can be dismissed; a new run clears them.

export interface Notice {
  readonly id: number;
  readonly text: string;
}

export class Notices {
  list = $state.raw<readonly Notice[]>([]);
  private next = 1;

  add(text: string): void {
    this.list = [...this.list, { id: this.next++, text }];
  }

  dismiss(id: number): void {
    this.list = this.list.filter((n) => n.id !== id);
  }

  clear(): void {
    this.list = [];
  }
}
