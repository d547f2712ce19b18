// Download a node's output as the file `cellgraph run` writes (made in the worker).
import { useCallback } from 'react';
import { describeError } from '../../core/errors';
import { downloadBytes } from '../files/download';
import { useServices } from './context';

export function useDownload(): (nodeId: string, port: string) => Promise<void> {
  const { session, store } = useServices();
  return useCallback(
    async (nodeId, port) => {
      try {
        const source = session.getSnapshot().sources.find((s) => s.hash === session.getSnapshot().sourceHash);
        const layout = Object.fromEntries(store.getState().pipeline.nodes.flatMap((n) => (n.position ? [[n.id, n.position]] : [])));
        const file = await session.client.api.exportOutput(nodeId, port, source?.name ?? 'image', layout);
        downloadBytes(file.bytes, file.fileName, file.mime);
      } catch (err) {
        session.notify(`Download failed: ${describeError(err).replace(/^internal error: /, '')}`, 'error');
      }
    },
    [session, store],
  );
}
