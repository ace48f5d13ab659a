#!/usr/bin/env node
// The corridor command. Sources are TypeScript; tsx compiles them on load so that
// `npx corridor` works straight after `npm install`, with no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
