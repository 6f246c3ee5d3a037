import type { Block, DocumentModel, TableColumn } from './blocks.js';

const WIDTH = 78;

function table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], totals: readonly (readonly string[])[]): string[] {
  const all = [columns.map((c) => c.header), ...rows, ...totals];
  const widths = columns.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        return c.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1));
  return [line(all[0] ?? []), rule, ...rows.map(line), ...(totals.length > 0 ? [rule, ...totals.map(line)] : [])];
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'parties': {
      const left = [...(b.leftTitle ? [b.leftTitle] : []), ...b.left];
      const right = [...(b.rightTitle ? [b.rightTitle] : []), ...b.right];
      const width = Math.max(...left.map((l) => l.length), 0) + 4;
      return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => `${(left[i] ?? '').padEnd(width)}${right[i] ?? ''}`.trimEnd());
    }
    case 'title':
      return [b.text.toUpperCase(), '='.repeat(Math.min(WIDTH, b.text.length))];
    case 'heading':
      return [b.text, '-'.repeat(Math.min(WIDTH, b.text.length))];
    case 'paragraph':
      return [b.text];
    case 'facts': {
      const width = Math.max(...b.rows.map(([label]) => label.length));
      return b.rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`);
    }
    case 'table':
      return table(b.columns, b.rows, b.totals ?? []);
    case 'payment':
      return [...b.lines];
  }
}

/**
 * Renders a document as plain text (UTF-8): the body of the e-mail that accompanies a PDF, and
 * the floor the letter benchmark compares the PDF with. Lines are not wrapped.
 *
 * @example
 * ```ts
 * renderText({ title: 'T', author: 'A', language: 'en', date: '2025-01-01', blocks: [{ kind: 'paragraph', text: 'Hello' }] });
 * // "Hello\n"
 * ```
 */
export function renderText(model: DocumentModel): string {
  const parts = model.blocks.map((b) => block(b).join('\n'));
  if (model.footer) parts.push(`--\n${model.footer}`);
  return `${parts.join('\n\n')}\n`;
}
