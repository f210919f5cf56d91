import { DEFAULT_CATEGORIES, defineSiteConfig } from '../lib/model/site-config';

/** The site's own settings. Editors may change names, add issuers and reorder categories here. */
export default defineSiteConfig({
  name: '科技政务公开示例站',
  owner: '越城区科学技术局（示例）',
  url: 'https://gongkai.example.gov.cn',
  categories: [...DEFAULT_CATEGORIES],
  issuers: [
    { name: '区科技局', code: '11330602056860309P' },
    { name: '省科技厅', code: '002482090' },
  ],
});
