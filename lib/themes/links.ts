import { gonganQueryUrl } from '../line/items';

/** The addresses themes put before the 公安 code: the current MPS query, and the retired portal's. */
export const MPS_QUERY = gonganQueryUrl('');
export const OLD_MPS_QUERY = 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=';
