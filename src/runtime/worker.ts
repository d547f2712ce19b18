// The editor's Web Worker: the engine (executor, nodes, IndexedDB cache) exposed through comlink.
import { expose, transfer } from 'comlink';
import { nodeRegistry } from '../../nodes/index';
import { Engine } from '../editor/engine/engine';
import { workerPool } from '../editor/engine/worker-pool';

expose(new Engine(nodeRegistry, transfer, workerPool));
