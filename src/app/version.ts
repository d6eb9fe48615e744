import { readFileSync } from 'node:fs';

let cachedVersion: string | undefined;

/** botkpi's version, from its package.json. */
export function version(): string {
  cachedVersion ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return cachedVersion;
}
