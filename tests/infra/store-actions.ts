/**
 * The DynamoDB IAM actions the Lambda bundle can call, derived from the bundle itself: the store modules
 * esbuild put into it (bytes in the output, from its metafile) and the SDK commands they construct.
 * Module-level, so it over-approximates a little (a module's unused method still counts), never under.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/build/lambda-esbuild.js';
import { API_ENTRY, REPO_ROOT } from '../../infra/build/paths.js';

/** SDK command → IAM actions. TransactWriteItems is authorised per contained operation (see below). */
const COMMAND_ACTIONS: Record<string, string[]> = {
  GetItem: ['dynamodb:GetItem'],
  PutItem: ['dynamodb:PutItem'],
  UpdateItem: ['dynamodb:UpdateItem'],
  DeleteItem: ['dynamodb:DeleteItem'],
  Query: ['dynamodb:Query'],
  Scan: ['dynamodb:Scan'],
  BatchGetItem: ['dynamodb:BatchGetItem'],
  BatchWriteItem: ['dynamodb:BatchWriteItem'],
  TransactGetItems: ['dynamodb:GetItem'],
  TransactWriteItems: [],
};
const TRANSACT_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

export async function bundledStoreModules(entry: string = API_ENTRY): Promise<string[]> {
  const result = await build({ ...esbuildOptions(entry, join(REPO_ROOT, 'dist/actions-probe')), write: false });
  const output = Object.values(result.metafile!.outputs).find((o) => o.entryPoint);
  return Object.entries(output!.inputs)
    .filter(([file, info]) => file.startsWith('functions/store/') && info.bytesInOutput > 0)
    .map(([file]) => file);
}

export async function bundledDynamoActions(entry: string = API_ENTRY): Promise<{ modules: string[]; actions: string[] }> {
  const modules = await bundledStoreModules(entry);
  const actions = new Set<string>();
  for (const file of modules) {
    const source = readFileSync(join(REPO_ROOT, file), 'utf8');
    for (const [, command] of source.matchAll(/new (\w+)Command\(/g)) {
      const mapped = COMMAND_ACTIONS[command!];
      if (!mapped) throw new Error(`${file} sends ${command}Command: add its IAM actions to tests/infra/store-actions.ts`);
      mapped.forEach((a) => actions.add(a));
    }
    // Modules build transaction items (TransactWriteItem) and hand them to Table.transact (table.ts sends the
    // TransactWriteItemsCommand).
    if (/new TransactWriteItemsCommand\(|\.transact\(|\bTransactWriteItem\b/.test(source)) {
      for (const [key, action] of Object.entries(TRANSACT_ACTIONS)) if (new RegExp(`\\b${key}: \\{`).test(source)) actions.add(action);
    }
  }
  return { modules, actions: [...actions].sort() };
}
