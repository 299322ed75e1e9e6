import { expect } from 'chai';
import { labelLanguageOf, languageOf } from '../../lib/engine/diagnostic';

describe('diagnostic', () => {
  it('languageOf(): zh for every Chinese variant, en for anything else (messages)', () => {
    for (const zh of ['zh-CN', 'zh_TW', 'ZH-hk', 'zh', ' zh-Hans ', ['zh-CN', 'en']]) expect(languageOf(zh), String(zh)).to.equal('zh');
    for (const en of ['en', 'ja', 'zhx', undefined, null, 42, [], ['en', 'zh-CN']]) expect(languageOf(en), String(en)).to.equal('en');
  });

  it('labelLanguageOf(): traditional for Taiwan, Hong Kong, Macao and zh-Hant; simplified for other Chinese (page text)', () => {
    for (const hant of ['zh-TW', 'zh_tw', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', ['zh-TW', 'en']]) {
      expect(labelLanguageOf(hant), String(hant)).to.equal('zh-Hant');
    }
    for (const hans of ['zh-CN', 'zh', 'zh-Hans', 'zh-SG', 'zh_CN', 'zh-twx']) expect(labelLanguageOf(hans), String(hans)).to.equal('zh-Hans');
    for (const en of ['en', 'de', 'zht', undefined, ['ja', 'zh-TW']]) expect(labelLanguageOf(en), String(en)).to.equal('en');
  });
});
