#!/usr/bin/env node
// `npm run bench`. Benchmarks are TypeScript, like the sources; tsx compiles them on load.
import { register } from 'tsx/esm/api';

register();
await import('../bench/main.ts');
