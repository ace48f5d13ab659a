import type { Highs, InitOptions } from 'highs';
import * as highsModule from 'highs';

// The package's types describe its CommonJS build; Node loads its ES module build, whose default
// export is the loader itself.
const loadHighs = highsModule.default as unknown as (options?: InitOptions) => Promise<Highs>;

/** Loads one HiGHS instance. Keep it: instantiating the WebAssembly solver again and again exhausts memory. */
export function loadHighsSolver(): Promise<Highs> {
  return loadHighs();
}
