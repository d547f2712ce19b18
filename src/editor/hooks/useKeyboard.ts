// Keyboard shortcuts for the main actions (outside text fields, where keys belong to the field).
import { useEffect } from 'react';

export type Shortcuts = Record<string, (event: KeyboardEvent) => void>;

/** Keys like "mod+z", "mod+shift+z", "escape"; "mod" is Ctrl, or Cmd on a Mac. */
export function shortcutName(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('mod');
  if (e.shiftKey) parts.push('shift');
  if (e.altKey) parts.push('alt');
  parts.push(e.key.toLowerCase());
  return parts.join('+');
}

const NON_TEXT_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file']);

/** Whether keys typed here belong to the field (text editing, its own undo), not to the editor. */
export function isTextTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  if (el.tagName === 'INPUT') return !NON_TEXT_INPUTS.has((el as HTMLInputElement).type);
  return el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

export function useKeyboard(shortcuts: Shortcuts): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const name = shortcutName(e);
      const action = shortcuts[name];
      if (!action) return;
      if (isTextTarget(e.target) && name !== 'escape' && !name.startsWith('mod+s') && !name.startsWith('mod+o')) return;
      e.preventDefault();
      action(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcuts]);
}
