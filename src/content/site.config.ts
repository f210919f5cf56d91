import { DEFAULT_CATEGORIES, defineSiteConfig } from '../lib/model/site-config';

/** The site's own settings. Editors may change names, add issuers and reorder categories here. */
export default defineSiteConfig({
  name: '科技政务公开示例站',
  owner: '越城区科学技术局（示例）',
  url: 'https://gongkai.example.gov.cn',
  categories: [...DEFAULT_CATEGORIES],
  // 2024 national holidays and make-up working days (国务院办公厅关于2024年部分节假日安排的通知).
  holidays: [
    '2024-01-01', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17',
    '2024-04-04', '2024-04-05', '2024-04-06', '2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05',
    '2024-06-10', '2024-09-15', '2024-09-16', '2024-09-17', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04',
    '2024-10-05', '2024-10-06', '2024-10-07',
  ],
  workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  // 索引号 form of every issuer here: the default {code}/{year}-{serial} (indexNoFormat).
  issuers: [
    { name: '区科技局', code: '11330602056860309P', aliases: ['越城区科技局', '越城区科学技术局'] },
    { name: '省科技厅', code: '002482090', aliases: ['浙江省科学技术厅'] },
    // The reply to 余姚市政协 proposal 113 (an imported seed) is 余姚市科技局's; its code is not
    // known here, so none is configured and its 索引号 is in this site's own series.
    { name: '余姚市科技局' },
  ],
});
