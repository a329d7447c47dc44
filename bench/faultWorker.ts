/**
 * The fault bench's sweep child: runs one reminder sweep against the Azurite and fake connector
 * the parent gives it (FAULT_STORAGE, FAULT_PREFIX), so the parent can SIGKILL (or SIGTERM) it mid-sweep.
 */
import { sweep } from '../src/scheduler/sweep';
import { runningClock, storeFor, sweepDeps } from './faultSetup';

async function main(): Promise<void> {
  const store = storeFor(process.env.FAULT_STORAGE ?? '', process.env.FAULT_PREFIX ?? '');
  // As the bot does (main.ts → ReminderScheduler.stop): SIGTERM ends the sweep cleanly.
  const shutdown = new AbortController();
  process.on('SIGTERM', () => shutdown.abort());
  const report = await sweep(sweepDeps(store, 'child', runningClock()), shutdown.signal);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
