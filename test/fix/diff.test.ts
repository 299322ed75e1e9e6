import { expect } from 'chai';
import fc from 'fast-check';
import { diffHunks, unifiedDiff } from '../../lib/fix/diff';
import { patched } from './patch';

describe('fix: the unified diff (lib/fix/diff.ts)', () => {
  it('is empty for the same text', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n', '_config.yml')).to.equal('');
  });

  it('prints hunks as diff -u does: three lines of context, ranges, far changes apart', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'].join('\n') + '\n';
    const after = before.replace('2\n', 'two\n').replace('14\n', '14\nfourteen and a half\n');
    expect(unifiedDiff(before, after, '_config.yml')).to.equal([
      '--- a/_config.yml', '+++ b/_config.yml',
      '@@ -1,5 +1,5 @@', ' 1', '-2', '+two', ' 3', ' 4', ' 5',
      '@@ -12,4 +12,5 @@', ' 12', ' 13', ' 14', '+fourteen and a half', ' 15', ''
    ].join('\n'));
  });

  it('joins changes whose context would touch, and says when a file ends without a line break', () => {
    expect(unifiedDiff('a\nb\nc\nd\ne\nf\ng\nh', 'a\nB\nc\nd\ne\nf\ng\nH', 'x.yml')).to.equal([
      '--- a/x.yml', '+++ b/x.yml', '@@ -1,8 +1,8 @@', ' a', '-b', '+B', ' c', ' d', ' e', ' f', ' g', '-h', '\\ No newline at end of file', '+H', '\\ No newline at end of file', ''
    ].join('\n'));
    expect(unifiedDiff('', 'beian:\n  icp: x\n', 'x.yml')).to.equal('--- a/x.yml\n+++ b/x.yml\n@@ -0,0 +1,2 @@\n+beian:\n+  icp: x\n');
  });

  it('shows CRLF lines without their CR, and keeps them in the hunks', () => {
    expect(unifiedDiff('a\r\nb\r\n', 'a\r\nc\r\n', 'x.yml')).to.equal('--- a/x.yml\n+++ b/x.yml\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
    expect(diffHunks('a\r\nb\r\n', 'a\r\nc\r\n')[0].lines.map(l => l.text)).to.deep.equal(['a\r', 'b\r', 'c\r']);
  });

  it('applied to the old text, gives the new one byte for byte, whatever the two texts', () => {
    const line = fc.constantFrom('a', 'b', 'icp: x', '', '  # 注释', 'c\r');
    const text = fc.array(line, { maxLength: 30 }).chain(lines => fc.boolean().map(end => lines.join('\n') + (end && lines.length > 0 ? '\n' : '')));
    fc.assert(fc.property(text, text, (before, after) => patched(before, after) === after), { numRuns: 2000 });
  });

  it('stays a true diff past its search limit (two unrelated long texts)', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n') + '\n';
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join('\n') + '\n';
    expect(patched(before, after)).to.equal(after);
  });
});
