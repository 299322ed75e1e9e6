import { expect } from 'chai';
import { initBeian } from '../../lib/fix/init';

/** A known example number that is not the README's own (lib/engine/examples.ts: the Nexmoe theme's author's). */
const EXAMPLE_ICP = '鄂ICP备2020018486号';
/** Someone else's 公安 number the Solitude theme ships. */
const EXAMPLE_GONGAN = '湘公网安备43048102000175号';
const ICP = '京ICP备20180491号-1';
const CONFIG = 'title: Blog\nurl: https://blog.example.cn\n';

describe('init: the example-number rule (lib/fix/init.ts)', () => {
  it('refuses an example number on a real host, saying it is an example and why init will not write it', () => {
    const outcome = initBeian(CONFIG, '_config.yml', 'en', { icp: EXAMPLE_ICP, url: 'https://blog.example.cn' });
    expect(outcome.kind).to.equal('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.lines).to.have.length(1);
    expect(outcome.lines[0]).to.match(/^--icp: 鄂ICP备2020018486号 is the Nexmoe theme's author's own number, shipped in its sample config, not this site's filing/);
    expect(outcome.lines[0]).to.contain('The site\'s url has the host blog.example.cn, which is not reserved for examples: init does not write an example number.');
    const zh = initBeian(CONFIG, '_config.yml', 'zh', { icp: ICP, gongan: EXAMPLE_GONGAN, url: 'https://blog.example.cn' });
    expect(zh.kind === 'refused' && zh.lines).to.deep.equal([
      '--gongan: 湘公网安备43048102000175号 是Solitude 主题示例配置里别人的编号，不是本站的备案号，因此不显示：请填写本站备案通知上的编号。站点 url 的域名 blog.example.cn 不是保留给示例的域名，init 不写入示例编号。'
    ]);
  });

  it('refuses it without a url too (no host is a real host), and accepts a real number there', () => {
    const outcome = initBeian(CONFIG, '_config.yml', 'en', { icp: EXAMPLE_ICP });
    expect(outcome.kind === 'refused' && outcome.lines[0]).to.match(/The site's url is not a URL, so it counts as a real host/);
    const real = initBeian(CONFIG, '_config.yml', 'en', { icp: ICP });
    expect(real.kind === 'add' && real.result.after).to.equal(`${CONFIG}beian:\n  icp: ${ICP}\n`);
  });

  it('accepts an example number on a host reserved for examples, with a note saying what it is', () => {
    const outcome = initBeian('url: http://example.com\n', '_config.yml', 'en', { icp: EXAMPLE_ICP, url: 'http://example.com' });
    expect(outcome.kind).to.equal('add');
    if (outcome.kind !== 'add') return;
    expect(outcome.result.after).to.equal(`url: http://example.com\nbeian:\n  icp: ${EXAMPLE_ICP}\n`);
    expect(outcome.notes).to.deep.equal([
      `--icp: ${EXAMPLE_ICP} is the Nexmoe theme's author's own number, shipped in its sample config; the host example.com is reserved for examples, so it is shown. On a real host this is an error and it is not shown: write the number from your own filing notice.`
    ]);
  });
});
