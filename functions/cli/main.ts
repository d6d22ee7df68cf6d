/** `hirecheck` command dispatcher: each sub-command lives in its own module and is loaded on demand. */

const USAGE = `usage: hirecheck <command> [options]

commands:
  check FILE|-        check one ad (text or JSON); --json for the verdict object; --jsonl for a stream
  keys                create or revoke API keys
  prescreen FILE      prescreen a spreadsheet of job ads (campus fairs)
  recheck             re-check stored ads under this checkout's rules (--dry-run, --json)
  lexicon proposals   lexicon edits proposed by moderators' feedback (--json)
`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.js')).runCheck,
  keys: async () => (await import('./keys.js')).runKeys,
  prescreen: async () => (await import('./prescreen.js')).runPrescreen,
  recheck: async () => (await import('./recheck.js')).runRecheck,
  lexicon: async () => (await import('./lexicon.js')).runLexicon,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(USAGE);
    return name === '--help' || name === '-h' ? 0 : 3;
  }
  return (await load())(rest);
}
