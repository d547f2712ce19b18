// One colour per port type, used by handles, wires and the legend.
import type { PortType } from '../../core/node';

export const PORT_COLORS: Record<PortType, string> = {
  image: '#3b82f6',
  mask: '#f59e0b',
  labels: '#ec4899',
  table: '#10b981',
  number: '#8b5cf6',
  raster: '#64748b',
};
