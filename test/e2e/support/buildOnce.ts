// Global set-up of the e2e project: `npm run build` before any test. The e2e tests start the bot as an
// operator does (`npm start`, `start:sharded`, `deploy-commands`), and those run the compiled JavaScript
// in dist/: so the tests never run a stale build, and a build that breaks fails the suite. The build starts
// from an empty dist/ (about 7 s), so no file deleted from src/ lingers there.
import { execFileSync } from 'node:child_process';

export default function buildOnce(): void {
  try {
    execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed, so the e2e tests cannot run the compiled bot:\n${stdout}${stderr}`, { cause: error });
  }
}
