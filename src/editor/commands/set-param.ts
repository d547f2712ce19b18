// Set (or, with undefined, remove) one param of one node. The form validates before calling this.
import type { Command } from '../store/editor-store';

export interface SetParamArgs {
  node: string;
  key: string;
  value: unknown;
}

export const setParam: Command<SetParamArgs> = (state, { node, key, value }) => {
  const target = state.pipeline.nodes.find((n) => n.id === node);
  if (!target) return { refused: `no node '${node}'` };
  if (Object.is(target.params[key], value)) return state;
  const params = { ...target.params };
  if (value === undefined) delete params[key];
  else params[key] = value;
  const nodes = state.pipeline.nodes.map((n) => (n.id === node ? { ...n, params } : n));
  return { ...state, pipeline: { ...state.pipeline, nodes } };
};
