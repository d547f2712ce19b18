// The preview of the plane the user chose for a stack output: the worker sends plane 0 with the
// run; other planes are drawn on request, and again whenever the result changes or a run ends.
import { useEffect, useState } from 'react';
import type { RasterPreview } from '../engine/protocol';
import { useServices, useSessionState } from './context';

export function usePlanePreview(nodeId: string, port: string, preview: RasterPreview): RasterPreview {
  const { session } = useServices();
  const state = useSessionState();
  const chosen = state.planes[`${nodeId}.${port}`] ?? 0;
  // the engine holds a run's values once the run has finished: ask again then
  const finished = state.lastRun;
  const plane = Math.min(chosen, preview.planes - 1);
  const [drawn, setDrawn] = useState<{ from: RasterPreview; preview: RasterPreview }>();
  useEffect(() => {
    if (plane <= 0) return;
    let live = true;
    session.client.api.planePreview(nodeId, port, plane).then(
      (p) => live && p && setDrawn({ from: preview, preview: p }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, nodeId, port, plane, preview, finished]);
  return plane > 0 && drawn?.from === preview && drawn.preview.plane === plane ? drawn.preview : preview;
}
