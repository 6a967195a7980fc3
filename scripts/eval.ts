// `npm run eval -- --corpus DIR [--gold FILE|DIR] [--failures]`: scores citebot's answers on a folder of
// articles against a hand-written gold file (see scripts/eval/goldFile.ts). Used on the committed
// fixtures by `npm test`, and on a local folder of real articles that is never committed.
// Exit 0 when every check passes, 1 when some fail, 2 on bad arguments.
import { join } from 'node:path';
import { BAD_USAGE_EXIT_CODE, readFlagsOrExit } from '../src/commandLineFlags.ts';
import { readGold } from './eval/goldFile.ts';
import { evaluateFolder } from './eval/evaluateFolder.ts';
import { formatReport } from './eval/scoreAnswers.ts';

const USAGE = 'usage: npm run eval -- --corpus DIR [--gold FILE|DIR] [--failures] [--json]';

async function main(): Promise<number> {
  const { values } = readFlagsOrExit(
    {
      args: process.argv.slice(2),
      options: {
        corpus: { type: 'string' },
        gold: { type: 'string' },
        failures: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    USAGE,
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.corpus) {
    process.stderr.write(`error: --corpus is required\n${USAGE}\n`);
    return BAD_USAGE_EXIT_CODE;
  }
  const gold = await readGold(values.gold ?? join(values.corpus, 'gold.json'));
  const report = await evaluateFolder(values.corpus, gold);
  if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    process.stdout.write(`${formatReport(report)}\n`);
    if (values.failures && report.failures.length > 0) process.stdout.write(`\n${report.failures.join('\n')}\n`);
  }
  return report.passed === report.checks ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
