// Entry point of the editor page: the store, the engine in its worker, the session, then React.
import '@xyflow/react/dist/style.css';
import './app.css';
import { createRoot } from 'react-dom/client';
import { createEngineClient } from '../runtime/client';
import { App } from './components/App';
import { registry } from './registry';
import { Session } from './session/session';
import { EditorStore } from './store/editor-store';

async function main() {
  const store = new EditorStore(registry);
  const client = await createEngineClient();
  const session = new Session(store, client, registry);
  // for tests and the curious: the editor object, the session and its run reports
  Object.assign(window, {
    __cellgraph: {
      store,
      session,
      registry,
      get lastRun() {
        return session.getSnapshot().lastRun;
      },
      runs: session.runs,
    },
  });
  createRoot(document.getElementById('root')!).render(<App services={{ store, session, registry }} />);
  await session.start();
}

void main();
