import type { HastPluginDefinition } from 'satteri';

/**
 * Wraps every table of a notice in a labelled, keyboard-focusable region that scrolls sideways on
 * its own, so a wide 清单式答复 never widens the page on a phone (and keyboard users can scroll it).
 */
export const scrollTables: HastPluginDefinition = {
  name: 'gongkai-scroll-tables',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      ctx.wrapNode(node, { raw: '<section class="table-scroll" tabindex="0" aria-label="表格（可左右滑动查看）"></section>' });
    },
  },
};
