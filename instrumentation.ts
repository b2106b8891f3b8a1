// Runs once when a server starts. The production server must serve through the front door
// (scripts/start.ts, lib/door/front-door.ts): without it there would be no method rules, no CSP
// hashes and no vouched client address, so a server started any other way (`next start`) stops
// here. Then it checks for scheduled stories (lib/schedule.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NODE_ENV !== 'production') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { stopWithoutDoor } = await import('./lib/door/client');
  stopWithoutDoor();
  const { startSchedule } = await import('./lib/schedule');
  startSchedule();
}
