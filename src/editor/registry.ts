// The node registry as the editor sees it: the same list the runner uses, grouped for the palette.
import { nodeRegistry } from '../../nodes/index';
import { CATEGORIES, type AnyNodeDefinition, type Category, type Registry } from '../core/node';

export const registry: Registry = nodeRegistry;

export interface PaletteGroup {
  category: Category;
  defs: AnyNodeDefinition[];
}

/** Node types grouped by category in pipeline order, filtered by a search over label, type and description. */
export function paletteGroups(reg: Registry, query = ''): PaletteGroup[] {
  const q = query.trim().toLowerCase();
  const matches = (d: AnyNodeDefinition) =>
    !q ||
    d.label.toLowerCase().includes(q) ||
    d.type.includes(q) ||
    d.category.toLowerCase().includes(q) ||
    (d.aliases ?? []).some((a) => a.toLowerCase().includes(q)) ||
    d.description.toLowerCase().includes(q);
  return CATEGORIES.map((category) => ({
    category,
    defs: [...reg.values()].filter((d) => d.category === category && matches(d)),
  })).filter((g) => g.defs.length > 0);
}

/** The best matches first: label prefix, then label substring, then anything else that matched. */
export function searchNodes(reg: Registry, query: string): AnyNodeDefinition[] {
  const q = query.trim().toLowerCase();
  const all = paletteGroups(reg, q).flatMap((g) => g.defs);
  const rank = (d: AnyNodeDefinition) => (d.label.toLowerCase().startsWith(q) ? 0 : d.label.toLowerCase().includes(q) ? 1 : 2);
  return all.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i).map((x) => x.d);
}
