// Runs once when a server starts: the production server checks for scheduled stories (lib/schedule.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startSchedule } = await import('./lib/schedule');
  startSchedule();
}
