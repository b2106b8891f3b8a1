// The load of bench/publish.ts on one server, in a worker thread: in the benchmark's own thread its
// thousands of requests a second would share one event loop with the requests that tell when a
// change is visible.
// (autocannon's own `workers` option loses the result when stopped early.) Stops on any message and
// posts back what it saw (inside a worker thread autocannon answers in its workers' raw form).
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const instance = autocannon(workerData, (error, result) =>
  parentPort.postMessage(
    error
      ? { error: String(error) }
      : {
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          requests: result.totalCompletedRequests,
        },
  ),
);
parentPort.once('message', () => instance.stop());
