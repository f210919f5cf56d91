import type { HastPluginDefinition } from 'satteri';

/**
 * GFM turns a bare web address into a link and ends it at a space or ASCII punctuation; Chinese
 * text has neither after it, so `（http://kjt.zj.gov.cn），了解…信息。` became one link to a host that
 * does not exist. An autolink (its text is its address) ends at the first character that is not
 * printable ASCII; the rest goes back to being text.
 */
export function autolinkEnd(text: string): number {
  const m = /[^\x21-\x7e]/.exec(text);
  return m ? m.index : text.length;
}

export const cjkAutolinks: HastPluginDefinition = {
  name: 'gongkai-cjk-autolinks',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const raw = String((node as { properties?: Record<string, unknown> }).properties?.href ?? '');
      let href: string;
      try {
        href = decodeURI(raw); // the address comes percent-encoded; its text does not
      } catch {
        return;
      }
      const text = ctx.textContent(node);
      // Only autolinks: the text is the address (www. ones get http:// in front, mailto: ones lose theirs).
      if (!(href === text || href === `http://${text}` || href === `mailto:${text}`)) return;
      const end = autolinkEnd(text);
      if (end === text.length) return;
      const kept = text.slice(0, end);
      const rest = text.slice(end);
      if (!/[a-z0-9]/i.test(kept)) {
        ctx.replaceNode(node, { type: 'text', value: text });
        return;
      }
      ctx.replaceNode(node, [
        {
          type: 'element',
          tagName: 'a',
          properties: { href: href.slice(0, href.length - text.length) + kept },
          children: [{ type: 'text', value: kept }],
        },
        { type: 'text', value: rest },
      ]);
    },
  },
};
