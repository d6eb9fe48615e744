/** A mistake in how botkpi was called (bad flag value, unknown field): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
