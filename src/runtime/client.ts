// The page's side of the worker: one engine behind comlink. Files are transferred in, previews
// are transferred out. If a worker cannot start, the engine runs on the page instead (slower, but
// the editor still works).
import { proxy, transfer, wrap, type Remote } from 'comlink';
import { nodeRegistry } from '../../nodes/index';
import { Engine } from '../editor/engine/engine';
import type { AddSourceOptions, EngineApi, EngineEvent, RunRequest, RunSummary } from '../editor/engine/protocol';

export interface EngineClient {
  api: Remote<EngineApi> | EngineApi;
  inWorker: boolean;
  addSource(name: string, data: Uint8Array | Blob, options?: AddSourceOptions): ReturnType<EngineApi['addSource']>;
  run(request: RunRequest, onEvent: (event: EngineEvent) => void): Promise<RunSummary>;
  terminate(): void;
}

export async function createEngineClient(): Promise<EngineClient> {
  let worker: Worker | undefined;
  let api: Remote<EngineApi> | EngineApi;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cellgraph-engine' });
    const remote = wrap<EngineApi>(worker);
    // a worker whose script fails to load only says so in an 'error' event; calls would hang
    const failed = new Promise<never>((_, reject) => worker!.addEventListener('error', (e) => reject(new Error(e.message || 'worker failed to start')), { once: true }));
    await Promise.race([remote.cacheInfo(), failed]);
    api = remote;
  } catch (err) {
    console.warn('cellgraph: running the engine on the page, not in a worker:', err);
    worker?.terminate();
    worker = undefined;
    api = new Engine(nodeRegistry, (v) => v);
  }
  const inWorker = worker !== undefined;
  return {
    api,
    inWorker,
    // bytes move to the worker; a Blob (a file on disk) is cloned as a reference, not read here
    addSource: (name, data, options) =>
      inWorker && data instanceof Uint8Array ? api.addSource(name, transfer(data, [data.buffer as ArrayBuffer]), options) : api.addSource(name, data, options),
    run: (request, onEvent) => api.run(request, inWorker ? proxy(onEvent) : onEvent) as Promise<RunSummary>,
    terminate: () => worker?.terminate(),
  };
}
