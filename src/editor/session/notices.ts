// The short messages at the bottom of the page: each goes away by itself, errors after longer;
// at most four are shown at once.
import type { Notice, SessionStateStore } from './state';

export class Notices {
  private lastId = 0;

  constructor(private readonly state: SessionStateStore) {}

  notify(text: string, kind: Notice['kind'] = 'info'): void {
    const id = ++this.lastId;
    this.state.update((s) => ({ notices: [...s.notices.slice(-3), { id, kind, text }] }));
    setTimeout(() => this.state.update((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), kind === 'error' ? 8000 : 4000);
  }
}
