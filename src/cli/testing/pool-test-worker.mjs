// A stand-in for dist/cli-worker.mjs in pool.test.ts, speaking the same protocol: an input named
// "hang" never finishes (a busy loop, as a runaway kernel would), "crash" throws, any other is ok.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (msg) => {
  if (msg.input.display === 'hang') for (;;);
  if (msg.input.display === 'crash') throw new Error('kernel bug\nsecond line');
  const record = { image: msg.input.display, status: 'ok', summary: { thread: 1 }, tables: {}, durationMs: 0 };
  parentPort.postMessage({ index: msg.index, record });
});
parentPort.postMessage({ ready: true });
