/** An input the prescreen cannot read at all (unknown layout, not a spreadsheet): a usage error, not a crash. */
export class PrescreenInputError extends Error {
  override name = 'PrescreenInputError';
}
