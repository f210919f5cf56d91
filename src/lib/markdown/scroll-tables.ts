import type { HastPluginDefinition } from 'satteri';

type Element = {
  type: string;
  tagName?: string;
  children?: Element[];
  properties?: Record<string, unknown>;
};

/** A caption from the text just before the table, when that text introduces it (short, ending in a colon or not a sentence). */
export function captionFromLead(lead: string): string | null {
  const text = lead.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 40) return null;
  return text.replace(/[：:]$/, '') || null;
}

/**
 * Wraps every table of a notice in a labelled, keyboard-focusable region that scrolls sideways on
 * its own, so a wide 清单式答复 never widens the page on a phone (and keyboard users can scroll it);
 * and names the table with a <caption>: the short text that introduces it, or else its number and
 * its columns (表 1：序号、具体诉求、答复内容), so a screen reader can tell tables apart.
 */
export const scrollTables: HastPluginDefinition = {
  name: 'gongkai-scroll-tables',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      const table = node as unknown as Element;
      const counter = ctx.data as { gongkaiTables?: number };
      const number = (counter.gongkaiTables = (counter.gongkaiTables ?? 0) + 1);
      const hasCaption = table.children?.some((c) => c.tagName === 'caption');
      if (!hasCaption) {
        const parent = ctx.parent(node) as unknown as Element | undefined;
        const at = ctx.indexOf(node) ?? 0;
        const before = parent?.children
          ?.slice(0, at)
          .reverse()
          .find((c) => c.type === 'element');
        const lead =
          before && before.tagName === 'p'
            ? captionFromLead(ctx.textContent(before as never))
            : null;
        const headRow = table.children
          ?.find((c) => c.tagName === 'thead')
          ?.children?.find((c) => c.tagName === 'tr');
        const columns = (headRow?.children ?? [])
          .filter((c) => c.tagName === 'th')
          .map((c) => ctx.textContent(c as never).trim())
          .filter(Boolean);
        const caption = lead ?? `表 ${number}${columns.length ? `：${columns.join('、')}` : ''}`;
        ctx.prependChild(node, {
          type: 'element',
          tagName: 'caption',
          properties: {},
          children: [{ type: 'text', value: caption }],
        } as never);
      }
      ctx.wrapNode(node, {
        raw: '<section class="table-scroll" tabindex="0" aria-label="表格（可左右滑动查看）"></section>',
      });
    },
  },
};
