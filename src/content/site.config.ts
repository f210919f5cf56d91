import { DEFAULT_CATEGORIES, defineSiteConfig } from '../lib/model/site-config';

/** The site's own settings. Editors may change names, add issuers and reorder categories here. */
export default defineSiteConfig({
  name: '科技政务公开示例站',
  owner: '越城区科学技术局（示例）',
  url: 'https://gongkai.example.gov.cn',
  categories: [...DEFAULT_CATEGORIES],
  // Working days follow the State Council's holiday arrangements (the chinese-days library);
  // holidays / workdays here only override it, e.g. a local holiday.
  // 索引号 form of every issuer here: the default {code}/{year}-{serial} (indexNoFormat).
  issuers: [
    { name: '区科技局', code: '11330602056860309P', aliases: ['越城区科技局', '越城区科学技术局'] },
    { name: '省科技厅', code: '002482090', aliases: ['浙江省科学技术厅'] },
    // The reply to 余姚市政协 proposal 113 (an imported seed) is 余姚市科技局's; its code is not
    // known here, so none is configured and its 索引号 is in this site's own series.
    { name: '余姚市科技局' },
  ],
});
