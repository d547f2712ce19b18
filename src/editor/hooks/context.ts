// The editor object, the session and the registry, shared with every component.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Registry } from '../../core/node';
import type { Session } from '../session/session';
import type { SessionState } from '../session/state';
import type { EditorStore } from '../store/editor-store';
import type { EditorState } from '../store/state';

export interface EditorServices {
  store: EditorStore;
  session: Session;
  registry: Registry;
}

export const EditorContext = createContext<EditorServices | null>(null);

export function useServices(): EditorServices {
  const services = useContext(EditorContext);
  if (!services) throw new Error('useServices outside <EditorContext.Provider>');
  return services;
}

export function useEditorState(): EditorState {
  const { store } = useServices();
  return useSyncExternalStore(store.subscribe, store.getState);
}

export function useSessionState(): SessionState {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
