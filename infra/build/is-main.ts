/** True when the module at `moduleUrl` is the script node (or tsx) was started with. */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return !!script && pathToFileURL(realpathSync(script)).href === moduleUrl;
}
