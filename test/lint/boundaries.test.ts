import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run.js';

/**
 * The boundary rule of eslint.config.js (`no-restricted-imports` per folder of src) on one-line
 * files, as if they lived in the folder: an import against the pipeline's direction is reported,
 * one along it is not. The files are linted from memory, never written.
 */
const eslint = new ESLint({ cwd: ROOT });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport type Used = typeof x;\n`, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const imports = (from: string): string => `import { x } from '${from}';`;

describe('eslint boundaries', () => {
  it.each([
    ['src/read/boundary.ts', '../adapt/index.js'],
    ['src/read/boundary.ts', '../schema/fields.js'],
    ['src/read/boundary.ts', '../report/build.js'],
    ['src/read/boundary.ts', '../cli/io.js'],
    ['src/read/boundary.ts', '../app/run.js'],
    ['src/adapt/boundary.ts', '../report/ingest.js'],
    ['src/schema/boundary.ts', '../conversations/assemble.js'],
    ['src/schema/boundary.ts', '../kpis/registry.js'],
    ['src/conversations/boundary.ts', '../kpis/registry.js'],
    ['src/conversations/boundary.ts', '../report/types.js'],
    ['src/conversations/boundary.ts', '../render/index.js'],
    ['src/report/boundary.ts', '../render/index.js'],
    ['src/render/boundary.ts', '../cli/io.js'],
    ['src/render/boundary.ts', '../app/run.js'],
    ['src/app/boundary.ts', '../cli/data.js'],
    ['src/check/boundary.ts', '../cli/options.js'],
    ['src/config/boundary.ts', '../app/run.js'],
    ['src/boundary.ts', './cli/main.js'],
    ['src/index.ts', './cli/main.js'],
  ])('%s may not import %s', async (file, from) => {
    expect(await restricted(file, imports(from))).toHaveLength(1);
  });

  it('also type-only imports and re-exports', async () => {
    expect(await restricted('src/read/boundary.ts', `import type { x } from '../adapt/types.js';`)).toHaveLength(1);
    expect(await restricted('src/schema/boundary.ts', `import { x } from '../calendar/zone.js';\nexport { y } from '../kpis/registry.js';`)).toHaveLength(1);
  });

  it('names the rule it breaks', async () => {
    const [message] = await restricted('src/conversations/boundary.ts', imports('../kpis/registry.js'));
    expect(message).toMatch(/src\/conversations must not import src\/kpis: the pipeline's arrows point downstream/);
    const [cli] = await restricted('src/render/boundary.ts', imports('../cli/io.js'));
    expect(cli).toMatch(/only src\/cli imports src\/cli/);
  });

  it.each([
    ['src/read/boundary.ts', '../model.js'],
    ['src/read/boundary.ts', './source.js'],
    ['src/adapt/boundary.ts', '../schema/fields.js'],
    ['src/schema/boundary.ts', '../calendar/zone.js'],
    ['src/conversations/boundary.ts', '../text/index.js'],
    ['src/report/boundary.ts', '../kpis/registry.js'],
    ['src/render/boundary.ts', '../report/types.js'],
    ['src/app/boundary.ts', '../report/build.js'],
    ['src/cli/boundary.ts', '../app/run.js'],
    ['src/cli/boundary.ts', './io.js'],
    ['src/index.ts', './app/run.js'],
    ['src/render/boundary.ts', './report.js'],
  ])('%s may import %s', async (file, from) => {
    expect(await restricted(file, imports(from))).toEqual([]);
  });

  it.each([
    ['src/kpis/boundary.ts', '../report/types.js'],
    ['src/kpis/boundary.ts', '../config/settings.js'],
    ['src/kpis/boundary.ts', '../render/index.js'],
  ])('%s may not import %s', async (file, from) => {
    expect(await restricted(file, imports(from))).toHaveLength(1);
  });
});
