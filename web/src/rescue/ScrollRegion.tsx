import type { ReactNode } from 'react';

/**
 * A table that may be wider than the screen (the Ukrainian headings are long): it scrolls sideways,
 * and as a named, focusable region it can be scrolled from the keyboard too.
 */
export function ScrollRegion({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={label} tabIndex={0} data-testid={testId}>
      {children}
    </section>
  );
}
