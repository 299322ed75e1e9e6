import { expect } from 'chai';
import { describe as describeFinding, finding } from '../lib/finding';

describe('finding: describe()', () => {
  it('puts the path first, the code after the first line, the suggestion after write:', () => {
    expect(describeFinding({ code: 'placeholder', severity: 'error', message: 'A placeholder.', path: 'beian.icp', suggestion: 'a\nb' }, 'en'))
      .to.equal('beian.icp: A placeholder. (placeholder)\n    write: a\n    b');
  });

  it('does not say the path twice when the message opens with it, and keeps the path: form of the others', () => {
    expect(describeFinding({ code: 'config-date', severity: 'error', message: 'beian.online is not a date.', path: 'beian.online' }, 'en'))
      .to.equal('beian.online: is not a date. (config-date)');
    expect(describeFinding({ code: 'config-date', severity: 'error', message: 'beian.online 要写成 年-月-日。', path: 'beian.online' }, 'zh'))
      .to.equal('beian.online: 要写成 年-月-日。 (config-date)');
    expect(describeFinding({ code: 'x', severity: 'error', message: 'beian.domains["a.cn"]：键应是域名。', path: 'beian.domains["a.cn"]' }, 'zh'))
      .to.equal('beian.domains["a.cn"]：键应是域名。 (x)');
  });
});

describe('finding: the constructor', () => {
  it('says the message in the language asked, places it, and leaves out what is undefined', () => {
    const text = { zh: '中文', en: 'English' };
    expect(finding('zh', 'c', 'warning', text, { path: 'beian.icp', suggestion: undefined })).to.deep.equal({ code: 'c', severity: 'warning', message: '中文', path: 'beian.icp' });
    const made = finding('en', 'c', 'error', text, { page: 'index.html', daysOverdue: 0 });
    expect(made).to.deep.equal({ code: 'c', severity: 'error', message: 'English', page: 'index.html', daysOverdue: 0 });
    expect(Object.keys(finding('en', 'c', 'info', text))).to.deep.equal(['code', 'severity', 'message']);
  });
});
