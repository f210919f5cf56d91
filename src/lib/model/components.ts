/**
 * The MDX components editors may use, with their props. Pure data, so `npm run check` can enforce
 * the allowlist without loading Astro; src/components/mdx/index.ts maps the same names to the
 * components that render them.
 */
export const NOTICE_COMPONENT_PROPS: Record<
  string,
  { required: string[]; optional: string[]; children: boolean; description: string }
> = {
  落款: {
    required: ['机构'],
    optional: ['日期'],
    children: false,
    description: '落款：发文机关和日期，右对齐',
  },
  图: {
    required: ['地址', '说明'],
    optional: ['替代文字'],
    children: false,
    description: '带说明文字的图片',
  },
  提示: { required: [], optional: ['标题'], children: true, description: '提示框' },
  附件: {
    required: ['序号'],
    optional: [],
    children: true,
    description: '引用本文附件列表中的第几个附件',
  },
};
