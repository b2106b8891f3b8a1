// Loaded into a server by the soak (`node --import bench/heap-probe.mjs`): every 30 s it runs a full
// garbage collection and appends the live heap to HEAP_PROBE_FILE, one JSON line each. Resident
// memory swings by 100 MiB and more with V8's heap sizing and the allocator's caching; the heap
// left after a full collection is what a leak would grow.
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

const file = process.env.HEAP_PROBE_FILE;
if (file) {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc');
  setInterval(() => {
    gc();
    const { heapUsed, external } = process.memoryUsage();
    appendFileSync(
      file,
      `${JSON.stringify({ at: Date.now(), heapMiB: heapUsed / 2 ** 20, externalMiB: external / 2 ** 20 })}\n`,
    );
  }, 30_000).unref();
}
