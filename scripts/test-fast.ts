// `npm run test:fast`: lint beside the content step and the type check, then the unit tests. Lint
// needs no built content and each chain is mostly one thread, so on two cores the pair takes the
// longer one's time, not their sum (issue 32). Lint's output is held and printed whole when it ends.
import { spawn } from 'node:child_process';

type Step = { status: number; output: string };

/** `npm run <script>`, streaming its output, or holding it when `hold` is set. */
function npmRun(script: string, hold = false): Promise<Step> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], { stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output }));
  });
}

async function inOrder(scripts: string[]): Promise<number> {
  for (const script of scripts) {
    const { status } = await npmRun(script);
    if (status !== 0) return status;
  }
  return 0;
}

const lint = npmRun('lint', true).then((step) => {
  process.stdout.write(step.output);
  return step.status;
});
const built = await inOrder(['content', 'typecheck']);
const linted = await lint;
if (built !== 0 || linted !== 0) {
  console.error(`\n✗ test:fast: ${linted !== 0 ? 'lint' : 'content or typecheck'} failed`);
  process.exit(built || linted);
}
process.exit(await inOrder(['test:unit']));
