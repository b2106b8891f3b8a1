import type { TestProject } from 'vitest/node';
import { freePort, startPostgres } from '@/bench/postgres-server';

// One throwaway PostgreSQL server for the whole unit run (vitest's globalSetup): starting a cluster
// took 3-11 s, and each of the eight database test files started its own. Each file still gets fresh,
// empty databases of its own on it (tests/test-databases.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgres(await freePort());
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
