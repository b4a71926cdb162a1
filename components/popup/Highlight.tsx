/**
 * Text with its matched ranges in `<mark>`: plain text nodes and elements, never HTML,
 * so a name or fact can hold any character.
 */
import type { ComponentChildren } from 'preact';
import type { Range } from '../../engine/search';

export function Highlight({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start < at || end <= start) return;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
