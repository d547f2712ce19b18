import type { NodeContext } from '../core/node';

/** A node context for calling node.run() directly in tests. */
export function testContext(overrides: Partial<NodeContext> = {}): NodeContext {
  return { nodeId: 'test', maxPixels: 2 ** 28, ...overrides };
}
