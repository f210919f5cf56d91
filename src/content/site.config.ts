import { DEFAULT_CATEGORIES, defineSiteConfig } from '../lib/model/site-config';

/** The site's own settings. Editors may change names, add issuers and reorder categories here. */
export default defineSiteConfig({
  name: '越城区政府信息公开',
  owner: '绍兴市越城区人民政府',
  url: 'https://gongkai.example.gov.cn',
  categories: [...DEFAULT_CATEGORIES],
  issuers: [
    { name: '区科技局', code: '11330602056860309P' },
    { name: '省科技厅', code: '002482090' },
  ],
});
