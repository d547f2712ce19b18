// What the page knows about each node's last run: status, timing, message and preview.
import type { NodeStatus } from '../../core/executor';
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
