import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Command } from './args.ts';
import { commandTable } from './command-table.ts';

// The table names each command without loading it: a name that differs from the command's own, or
// a command some module exports but the table leaves out, would be a command nobody can run.

it('loads, for every name in the table, the command of that name', async () => {
  for (const entry of commandTable) expect((await entry.load()).name).toBe(entry.name);
});

it('lists every command the command modules export, once', async () => {
  const dir = new URL('./commands/', import.meta.url);
  const exported: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(module))
      if (key.endsWith('Command')) exported.push((value as Command).name);
  }
  const names = commandTable.map((e) => e.name);
  expect(new Set(names).size).toBe(names.length);
  expect([...names].sort()).toEqual([...exported].sort());
});
