// The page's call of the engine's runBatch: its progress callback goes through comlink as a proxy
// when the engine is in a worker (as EngineClient.run does for a single run's events).
import { proxy } from 'comlink';
import type { EngineClient } from '../../runtime/client';
import type { BatchEvent, BatchRequest, BatchSummary } from './protocol';

export function runBatchOn(client: EngineClient, request: BatchRequest, onEvent: (event: BatchEvent) => void): Promise<BatchSummary> {
  return client.api.runBatch(request, client.inWorker ? proxy(onEvent) : onEvent) as Promise<BatchSummary>;
}
