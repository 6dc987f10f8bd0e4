// @ts-check
// The bench's command line: `npm run bench -- --help` prints USAGE.

/** @typedef {import('./types').Options} Options */
/** @typedef {import('./types').Reps} Reps */
/** @typedef {import('./types').Suite} Suite */

export const USAGE = `npm run bench [-- --quick] [-- --check] [-- --no-build] [-- --port 4180] [-- --readme]

Builds the app and the bench page (bench/page/), serves them with \`vite preview\` (COOP/COEP, so
performance.now() has 5 µs resolution), drives the app and the bench page in headless Chromium with
Playwright, runs the chapter's examples in CPython beside it, prints a Markdown report and writes
bench/results/latest.json. See bench/README.md for what each suite measures.

  --quick     smoke test for \`npm test\`: 1 repetition each, no CPython, no 10,000-task run,
              no budgets applied; writes bench/results/quick.json.tmp instead of latest.json
  --check     exit 1 when a budget in bench/budgets.json is missed (ignored with --quick); exit 3
              when none was missed but some were not judged because the machine was busy (a
              full run waits before each suite for the 1-minute load average to fall to ≤ 1.0)
  --no-build  serve the bench's last build (node_modules/.cache/pp-bench/dist) as it is
  --port N    preview server port (default $BENCH_PORT or 4180)
  --readme    also replace the \`## Performance\` section of README.md with this report
  --only a,b  run only these suites: bundle,cpython,startmethods,start,dispatch,payload,fidelity,cpu,ui,labs
  --render    measure nothing: re-render bench/results/latest.json (with --readme: into README.md)`;

/**
 * The options in `argv` (process.argv without node and the script). Prints USAGE and exits 0 on
 * --help; exits 2 on an unknown option.
 * @param {readonly string[]} argv
 * @returns {Options}
 */
export function parseArgs(argv) {
  /** @type {Options} */
  const opts = {
    quick: false,
    check: false,
    build: true,
    readme: false,
    render: false,
    port: Number(process.env.BENCH_PORT) || 4180,
    only: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      i += 1;
      return argv[i] ?? '';
    };
    if (a === '--quick') opts.quick = true;
    else if (a === '--check') opts.check = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--readme') opts.readme = true;
    else if (a === '--render') opts.render = true;
    else if (a.startsWith('--port')) opts.port = Number(value());
    else if (a.startsWith('--only')) opts.only = new Set(value().split(','));
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${a} (try --help)`);
      process.exit(2);
    }
  }
  return opts;
}

/** Whether `suite` runs (every suite unless --only names some). @param {Options} opts @param {Suite} suite */
export const wants = (opts, suite) => !opts.only || opts.only.has(suite);

/** Repetitions per suite: full run vs --quick smoke test. @param {boolean} quick @returns {Reps} */
export const repetitions = (quick) =>
  quick
    ? { fidelity: 1, python: 0, start: 1, dispatch: 1, payload: 1, cpu: 1, ui: 1 }
    : { fidelity: 10, python: 5, start: 10, dispatch: 31, payload: 5, cpu: 5, ui: 3 };
