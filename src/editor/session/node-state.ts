// What the page knows about each node's last run: status, timing, message and preview.
import type { NodeReport, NodeStatus } from '../../core/executor';
import type { NodePreview } from '../engine/protocol';

export type NodeRunStatus = NodeStatus | 'idle' | 'invalid';

export interface NodeRunState {
  status: NodeRunStatus;
  ms?: number;
  error?: string;
  /** Why the node cannot run yet (open inputs, bad params). */
  problems?: string[];
  preview?: NodePreview;
}

export const ok = (r: NodeReport) => r.status === 'done' || r.status === 'cached';

/** A node's state from its report in a run: only a done or cached node keeps a preview. */
export function nodeStateFrom(report: NodeReport, preview: NodeRunState['preview']): NodeRunState {
  return { status: report.status, ms: report.ms, error: report.error, preview: ok(report) ? preview : undefined };
}
