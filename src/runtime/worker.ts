// The editor's Web Worker: the engine (executor, nodes, IndexedDB cache) exposed through comlink.
import { expose } from 'comlink';
import { nodeRegistry } from '../../nodes/index';
import { Engine } from '../editor/engine/engine';

expose(new Engine(nodeRegistry));
